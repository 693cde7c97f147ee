USE master;
GO

IF NOT EXISTS (SELECT * FROM sys.sql_logins WHERE name = 'etl_loader')
    CREATE LOGIN etl_loader WITH PASSWORD = 'Etl!Loader2020', CHECK_POLICY = OFF;
GO

CREATE LOGIN app_web WITH PASSWORD = '4Q#_4AbrEuEfWECI';
GO

-- ALTER LOGIN sa WITH PASSWORD = 'Company2019';
ALTER LOGIN sa WITH PASSWORD = 'acmecorp2020';
GO

EXEC sp_addlinkedsrvlogin @rmtsrvname = N'ORACLE_FIN', @useself = N'False',
     @rmtuser = N'FIN_LINK', @rmtpassword = N'f1nL1nk#';
GO

-- Password policy check for app logins
SELECT name, is_policy_checked FROM sys.sql_logins WHERE is_policy_checked = 0;
GO
