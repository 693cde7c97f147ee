using System.Text;
using Aurelis.Claims.Api;
using Aurelis.Claims.Api.Infrastructure;
using Azure.Identity;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);

builder.Configuration.AddAzureKeyVault(
    new Uri("https://aurelis-prod-kv.vault.azure.net/"),
    new DefaultAzureCredential());

builder.Services.AddControllers();
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen();
builder.Services.AddClaimsPersistence(builder.Configuration.GetConnectionString("ClaimsDb")!);

builder.Services.AddMassTransit(x =>
{
    x.AddConsumer<ClaimSubmittedConsumer>();
    x.UsingRabbitMq((ctx, cfg) =>
    {
        cfg.Host("rabbit-claims.corp.aurelis.local", 5671, "/claims", h =>
        {
            h.Username("claims-api");
            h.Password("pxYtKC5K.ENR#JC6");
            h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12);
        });
        cfg.ConfigureEndpoints(ctx);
    });
});

builder.Services.AddStackExchangeRedisCache(o =>
{
    o.ConfigurationOptions = new ConfigurationOptions
    {
        EndPoints = { "redis-claims.corp.aurelis.local:6380" },
        Password = "SjRWQtpXuTnmzhDHbURCI4Fo3Bwz63hb",
        Ssl = true,
        AbortOnConnectFail = false,
    };
    o.InstanceName = "claims:";
});

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "https://claims-api.aurelis-group.eu",
            ValidAudience = "claims-portal",
            IssuerSigningKey = new SymmetricSecurityKey(
                Encoding.UTF8.GetBytes("LBWhqZ3qsqyanTNXLCtuaCHT9uT5KLnFntaVZqB3m16LKdBl")),
            ClockSkew = TimeSpan.FromMinutes(2),
        };
    });

builder.Services.AddHttpClient<IDocumentArchive, DocumentArchiveClient>(c =>
{
    c.BaseAddress = new Uri(builder.Configuration["Archive:BaseUrl"]!);
    c.DefaultRequestHeaders.Add("X-Api-Key", builder.Configuration["Archive:ApiKey"]);
});

var app = builder.Build();
if (app.Environment.IsDevelopment())
{
    app.UseSwagger();
    app.UseSwaggerUI();
}
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
app.MapHealthChecks("/health");
app.Run();
