using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lstm.WebApi.Tests.TestData;

/// <summary>
/// The sample app, started as it runs in production: Kestrel on a free loopback port (.NET 10's
/// <c>WebApplicationFactory.UseKestrel</c> + <c>StartServer</c>), reached over real HTTP rather than the in-memory
/// TestServer, so that concurrency, connection handling and JSON on the wire are the real ones.
/// </summary>
public sealed class WebApiServer : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Configuration for the app, e.g. <c>Model:Path</c>, <c>Model:PoolSize</c>.</param>
    public WebApiServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(0);
    }

    /// <summary>Starts the server (loading the model) and returns the address it listens on.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First());
    }

    /// <summary>A new client of the started server, as a separate application would make one.</summary>
    public HttpClient NewClient(Uri address) => new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
