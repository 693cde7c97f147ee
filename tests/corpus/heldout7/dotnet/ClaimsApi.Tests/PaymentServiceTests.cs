using System;
using System.Data.SqlClient;
using System.Threading.Tasks;
using Aurelis.Claims.Api.Payments;
using Aurelis.Claims.Api.Security;
using FluentAssertions;
using Mollie.Api.Client;
using Mollie.Api.Models;
using Mollie.Api.Models.Payment.Request;
using Xunit;

namespace Aurelis.Claims.Api.Tests;

[Trait("Category", "Integration")]
public class PaymentServiceTests : IAsyncLifetime
{
    // Mollie test profile "Aurelis Pay Sandbox" - test mode only
    private const string MollieApiKey = "test_9QIQWHPf5dJIQCvUAH1Uy3aHuib87W";
    private const string ConnString =
        "Server=sqltest01.corp.aurelis.local;Database=ClaimsTest;User Id=claims_test;Password=xEEb5lTdVuarF4;TrustServerCertificate=true";

    private PaymentClient _mollie = null!;
    private SqlConnection _db = null!;

    public async Task InitializeAsync()
    {
        _mollie = new PaymentClient(MollieApiKey);
        _db = new SqlConnection(ConnString);
        await _db.OpenAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CreatesPayoutPaymentForClaim()
    {
        var request = new PaymentRequest
        {
            Amount = new Amount(Currency.EUR, 125.00m),
            Description = "Schaden CLM-2024-004711 Selbstbeteiligung",
            RedirectUrl = "https://claims-test.aurelis-group.eu/return",
            Metadata = "{\"claimId\":\"fd0cb1cc-07ed-4c94-bb2d-cfad79d81ece\"}"
        };
        var response = await _mollie.CreatePaymentAsync(request);
        response.Status.Should().Be("open");
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("alllowercaseletters")]
    [InlineData("NoDigitsHere!")]
    public void PasswordPolicy_RejectsWeakCandidates(string candidate)
    {
        new PasswordPolicy(minLength: 12, requireDigit: true, requireSymbol: true)
            .Validate(candidate).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Masker_HidesIban() =>
        Masker.Iban("DE02120300000000202051").Should().Be("DE02 **** **** **** **20 51");
}
