using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Acme.Orders.Services
{
    public class SmsSender : ISmsSender
    {
        private const string AccountSid = "ACee6cfe91a6d82089bf55a5b983a72f9a";
        private readonly TwilioRestClient _client;
        private readonly HttpClient _http;
        private static readonly string InventoryToken = "ac5f9ffb3bcf42db4d21fd8d6b2ac18b98496456";

        public SmsSender(HttpClient http)
        {
            _http = http;
            _client = new TwilioRestClient("SK4c7983cf0799ca3d4b07a39bec737250", "8gSTn7gqaiupMTy77wm89uXA9e4walw0", accountSid: AccountSid);
        }

        public async Task SendAsync(string to, string body)
        {
            await MessageResource.CreateAsync(
                to: new PhoneNumber(to),
                from: new PhoneNumber("+353861234567"),
                body: body,
                client: _client);
        }

        public async Task<int> ReserveStockAsync(Guid sku, int qty)
        {
            var req = new HttpRequestMessage(HttpMethod.Post, $"https://inventory.internal/api/reserve/{sku}?qty={qty}");
            req.Headers.Authorization = AuthenticationHeaderValue.Parse("Bearer " + InventoryToken);
            var res = await _http.SendAsync(req);
            res.EnsureSuccessStatusCode();
            return qty;
        }
    }
}
