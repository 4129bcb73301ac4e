using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Benchmarks;

/// <summary>
/// The simulator's pipeline (<see cref="WisedataSimulator.HandleAsync"/>) behind a minimal Kestrel app on a free
/// loopback port: every request becomes a <see cref="SimRequest"/>, and the <see cref="SimResponse"/> is written back.
/// No WireMock in between: the difference from the WireMock-hosted simulator is what WireMock costs.
/// </summary>
internal sealed class BareKestrelHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareKestrelHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:{port}, no trailing slash.</summary>
    public string BaseUrl { get; }

    public static async Task<BareKestrelHost> StartAsync(WisedataSimulator simulator)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context => ServeAsync(simulator, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BareKestrelHost(app, address.TrimEnd('/'));
    }

    private static async Task ServeAsync(WisedataSimulator simulator, HttpContext context)
    {
        var request = context.Request;
        string? body = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        var simRequest = new SimRequest(
            Origin: request.Scheme + "://" + request.Host.Value,
            Method: request.Method,
            Path: request.Path.Value ?? "/",
            Query: request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Headers: request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body: body);

        var response = await simulator.HandleAsync(simRequest);
        if (response.Ending == ResponseEnding.DropConnection)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
            context.Response.Headers[name] = value;
        if (response.Body is not null)
        {
            context.Response.ContentLength = Encoding.UTF8.GetByteCount(response.Body);
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
