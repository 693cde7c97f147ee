using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ledger.Api.Data
{
    /// <summary>Design-time factory used by `dotnet ef migrations`.</summary>
    public class LedgerDbContextFactory : IDesignTimeDbContextFactory<LedgerDbContext>
    {
        private const string FallbackConnection =
            "Server=sql01.dc1.northwind.local;Database=Ledger;User Id=ledger_app;Password=L3dger#App2019;TrustServerCertificate=True";

        public LedgerDbContext CreateDbContext(string[] args)
        {
            var conn = Environment.GetEnvironmentVariable("LEDGER_CONNECTION") ?? FallbackConnection;
            var options = new DbContextOptionsBuilder<LedgerDbContext>().UseSqlServer(conn).Options;
            return new LedgerDbContext(options);
        }
    }
}
