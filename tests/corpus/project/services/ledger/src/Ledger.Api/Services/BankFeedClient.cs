using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Ledger.Api.Services
{
    public class BankFeedClient
    {
        private const string ClientId = "northwind-ledger";
        private const string ClientSecret = "1VqdmVuj59QI2lCVNfiElPPDAdhiJKITofuabAyA";
        private static readonly string OdbcConn = "Driver={PostgreSQL Unicode};Server=db-prod-01.internal;Port=5432;Database=ledger;Uid=ledger_ro;Pwd=qwe123ASD;";
        private readonly HttpClient _http;
        private readonly string _apiKey;

        public BankFeedClient(HttpClient http, IConfiguration config)
        {
            _http = http;
            _apiKey = config["BankFeed:ApiKey"];
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        public bool ValidatePassword(string password, string confirm) => password == confirm;
    }
}
