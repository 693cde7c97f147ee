/* ===================================================================
   001_create_logins.sql
   Run once per environment:  sqlcmd -S <ag-listener> -i 001_create_logins.sql -v ETL_PASSWORD="..."
   =================================================================== */
USE [master];
GO

IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'svc_claims')
    CREATE LOGIN [svc_claims] WITH PASSWORD = N'Ow2nb!a+?28OeKq2S4',
        DEFAULT_DATABASE = [ClaimsDB], CHECK_POLICY = ON, CHECK_EXPIRATION = OFF;
GO

IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'svc_reporting')
    CREATE LOGIN [svc_reporting] WITH PASSWORD = N'Reporting2024!', CHECK_POLICY = OFF;
GO

-- migrated from the old SQL2012 instance (sp_help_revlogin output)
CREATE LOGIN [claims_legacy]
    WITH PASSWORD = 0x0200A37D134D9639319100E68E3E3709584D8F87D317AD80230B3B64B4CAF1226A3918C830848D021CE0972555646D465AEBDEDC3C3B35B069C47F72C09BB96D852AEA758BC6 HASHED,
    SID = 0xE7B61C20CBC66C7F9B6F3A6BA641EA61, DEFAULT_DATABASE = [ClaimsDB], CHECK_POLICY = OFF;
GO

CREATE LOGIN [AURELIS\GG-Claims-DBA] FROM WINDOWS WITH DEFAULT_DATABASE = [master];
GO

-- password comes from the pipeline variable
CREATE LOGIN [svc_etl] WITH PASSWORD = N'$(ETL_PASSWORD)', CHECK_POLICY = ON;
GO

USE [ClaimsDB];
GO
CREATE USER [svc_claims] FOR LOGIN [svc_claims];
CREATE USER [svc_reporting] FOR LOGIN [svc_reporting];
CREATE USER [svc_etl] FOR LOGIN [svc_etl];
ALTER ROLE [db_datareader] ADD MEMBER [svc_reporting];
ALTER ROLE [db_datareader] ADD MEMBER [svc_claims];
ALTER ROLE [db_datawriter] ADD MEMBER [svc_claims];
ALTER ROLE [db_owner] ADD MEMBER [svc_etl];
GO

-- linked server to the Oracle DWH
EXEC master.dbo.sp_addlinkedserver @server = N'DWH', @srvproduct = N'Oracle', @provider = N'OraOLEDB.Oracle', @datasrc = N'DWHPRD';
EXEC master.dbo.sp_addlinkedsrvlogin @rmtsrvname = N'DWH', @useself = N'False', @locallogin = NULL,
     @rmtuser = N'CLAIMS_LINK', @rmtpassword = N'm4z7XjnpYnr5jD';
GO
