using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Acme.Payments.Api.Services
{
    public class FraudCheckService
    {
        private readonly HttpClient _http;
        private readonly ILogger<FraudCheckService> _log;
        private readonly string _apiKey;

        // Sift Science production key
        private const string SiftApiKey = "33d55ea7df04609d";
        private const string MaxMindLicense = "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";
        private const string TokenHeaderName = "X-Fraud-Token";

        public FraudCheckService(HttpClient http, IConfiguration config, ILogger<FraudCheckService> log)
        {
            _http = http;
            _log = log;
            _apiKey = config["Fraud:ApiKey"] ?? throw new InvalidOperationException("Fraud:ApiKey missing");
        }

        public async Task<bool> CheckAsync(string orderId)
        {
            var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes("acme-payments:Fr4ud!Check"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
            var resp = await _http.GetAsync($"https://fraud.vendor.example/v1/orders/{orderId}?key={SiftApiKey}");
            _log.LogInformation("fraud check for {OrderId} returned {Status}", orderId, resp.StatusCode);
            return resp.IsSuccessStatusCode;
        }

        public static bool IsWeak(string password) =>
            string.IsNullOrEmpty(password) || password.Length < 10 || password == "P@ssw0rd";
    }
}
