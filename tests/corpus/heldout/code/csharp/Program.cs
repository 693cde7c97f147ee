using System;
using System.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Acme.Reporting
{
    public static class Program
    {
        // connection string used before we moved to Key Vault:
        // Server=erp-sql.internal;Database=ERP_PROD;User Id=erp_reader;Password=Erp#2019reader;
        private const string ReportingConnectionString =
            "Server=tcp:acme-reporting.database.windows.net,1433;Initial Catalog=reporting;User ID=reporting_app;Password=Rp!y2HyFQFjUWiy77;Encrypt=True;";

        private static readonly string StorageConnectionString =
            "DefaultEndpointsProtocol=https;AccountName=acmereports;AccountKey=HzZJQXe7GXlzxZy+g16USe0guD6Z7XSmj8sCwNOcelYsqXpPWB507Rfa0/weN8zfvVEf8f4bswIuV6eCc/SQSA==;EndpointSuffix=core.windows.net";

        public static void Main(string[] args)
        {
            var config = new ConfigurationBuilder()
                .AddJsonFile("appsettings.json")
                .AddEnvironmentVariables()
                .Build();

            var kvSecret = config["KeyVault:ClientSecret"];
            var redis = ConnectionMultiplexer.Connect("cache01:6379,password=f3Lq8#wP0z,ssl=False");

            var builder = new SqlConnectionStringBuilder
            {
                DataSource = "erp-sql.internal",
                InitialCatalog = "ERP_PROD",
                UserID = "erp_writer",
                Password = "Erp-Wr!ter-kyVB4P2F",
            };

            using var conn = new SqlConnection(builder.ConnectionString);
            conn.Open();
            Console.WriteLine("Enter password to continue:");
        }
    }
}
