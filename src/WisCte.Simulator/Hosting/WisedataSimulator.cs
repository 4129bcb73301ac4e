using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;
using WisCte.Dpi.Rules;
using WisCte.Simulator.Baseline;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Http;
using WisCte.Simulator.Journal;
using WisCte.Journal;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Hosting;

/// <summary>
/// A simulated WISEdata endpoint on WireMock.Net: one instance per call to <see cref="Start"/>, on its own loopback
/// port, so many can run side by side. Requests flow through <see cref="HandleAsync"/>, which any host can call.
/// </summary>
public sealed class WisedataSimulator : IDisposable
{
    private readonly WireMockServer? _server;
    private readonly TokenEndpoint _token;
    private readonly DataEndpoint _data;
    private readonly AdminEndpoint _admin;
    private readonly DiscoveryEndpoint _discovery;
    private readonly ValidationEndpoint _validations;
    private readonly ProxyForwarder? _proxy;
    private readonly HttpClient? _proxyHttp;

    private WisedataSimulator(SimulatorState state, bool listen)
    {
        State = state;
        _token = new TokenEndpoint(state);
        _data = new DataEndpoint(state, L1RuleSet.Dpi);
        _admin = new AdminEndpoint(state);
        _discovery = new DiscoveryEndpoint(state);
        _validations = new ValidationEndpoint(state);
        if (state.Options.ProxyTo is { } upstream)
        {
            _proxyHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(100) };
            _proxy = new ProxyForwarder(upstream, _proxyHttp);
        }
        if (!listen)
            return;

        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{state.Options.Port.ToString(CultureInfo.InvariantCulture)}"],
            StartAdminInterface = true,
            MaxRequestLogCount = state.Options.WireMockLogCount,
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
            DisableRequestBodyDecompressing = true,
            AllowBodyForAllHttpMethods = true,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(DropConnectionsAsync),
        });
        _server
            .Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .AtPriority(int.MaxValue)
            .RespondWith(Response.Create().WithCallback(async message => ToWireMock(await HandleAsync(FromWireMock(message)).ConfigureAwait(false))));
    }

    public SimulatorState State { get; }

    /// <summary>http://127.0.0.1:{port}, no trailing slash (WireMock says "localhost", which may resolve to ::1, where nothing listens).</summary>
    public string BaseUrl => _server is null
        ? throw new InvalidOperationException("This simulator instance does not listen on a port.")
        : $"http://127.0.0.1:{_server.Ports[0].ToString(CultureInfo.InvariantCulture)}";

    public string TokenUrl => BaseUrl + "/oauth/token";

    public SimulatorJournal Journal => State.Journal;

    public FaultInjector Faults => State.Faults;

    /// <summary>Runs DPI's L2 rules now over one LEA's records of a year (as the validation endpoint does).</summary>
    public IReadOnlyList<WisCte.Dpi.Validation.ValidationResult> RunValidations(long localEducationAgencyId, WisCte.EdFi.Model.SchoolYear year) =>
        _validations.Run(localEducationAgencyId, year);

    /// <summary>Starts a simulator on a loopback port (options.Port, or a free one when 0), baseline loaded.</summary>
    public static WisedataSimulator Start(SimulatorOptions options) => Create(options, listen: true);

    /// <summary>A simulator without a server of its own, for hosting <see cref="HandleAsync"/> elsewhere (benchmarks).</summary>
    public static WisedataSimulator CreateUnhosted(SimulatorOptions options) => Create(options, listen: false);

    private static WisedataSimulator Create(SimulatorOptions options, bool listen)
    {
        ArgumentNullException.ThrowIfNull(options);
        var schema = SchemaCatalog.Embedded();
        var descriptors = options.Profile == SimulatorProfile.EdFiOds ? DescriptorCatalog.EdFiDefaults() : DescriptorCatalog.Embedded();
        var state = new SimulatorState(options, schema, descriptors.ForInstance(schema.DescriptorTypes));
        if (options.LoadBaseline)
            BaselineLoader.Load(state);
        return new WisedataSimulator(state, listen);
    }

    /// <summary>The whole pipeline: correlation id, fault injection, routing, the journal.</summary>
    public async Task<SimResponse> HandleAsync(SimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var correlationId = request.Header("correlation-id") ?? request.QueryValue("correlationId") ?? Guid.NewGuid().ToString("N");
        var route = Route.Parse(request.Path, State.Options.DefaultSchoolYear);

        string? clientId = null;
        SimResponse response;
        var fault = route.Kind is RouteKind.Data or RouteKind.Token
            ? State.Faults.Next(FaultTarget(route), request.Method, kind => kind != FaultKind.DropConnection)
            : null;
        if (fault is { Kind: not FaultKind.Delay })
        {
            response = Faulted(fault, correlationId);
        }
        else
        {
            try
            {
                (response, clientId) = _proxy is not null && route.Kind is RouteKind.Data or RouteKind.Token or RouteKind.Validations or RouteKind.Discovery
                    ? await _proxy.ForwardAsync(request, correlationId).ConfigureAwait(false)
                    : Dispatch(request, route, correlationId);
            }
#pragma warning disable CA1031 // Any failure becomes a 500 problem body in the journal, never a dropped request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                response = EdFiProblem.System($"An unexpected error occurred in the simulator: {ex.GetType().Name}: {ex.Message}").ToResponse(correlationId);
            }
            if (fault is not null)
            {
                response = response with { Delay = TimeSpan.FromMilliseconds(fault.DelayMilliseconds), InjectedFault = $"delay {fault.DelayMilliseconds} ms" };
                await Task.Delay(response.Delay).ConfigureAwait(false);
            }
        }

        clientId ??= ClientOf(request);
        State.Journal.Append(new JournalEntry
        {
            Sequence = 0,
            Timestamp = State.Time.GetUtcNow(),
            ClientId = clientId,
            CorrelationId = correlationId,
            SchoolYear = route.Year?.EndYear,
            Method = request.Method.ToUpperInvariant(),
            Path = request.PathAndQuery,
            RequestHeaders = request.Headers.ToDictionary(h => h.Key, h => Masking.Header(h.Key, h.Value), StringComparer.OrdinalIgnoreCase),
            RequestBody = Masking.Body(request.Body),
            Status = response.Ending == ResponseEnding.DropConnection ? 0 : response.Status,
            ResponseHeaders = response.Headers,
            ResponseBody = Masking.Body(response.Body),
            DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Fault = response.InjectedFault,
        });
        return response.Status >= 400 || response.Ending != ResponseEnding.Normal ? response : response.WithHeader("correlation-id", correlationId);
    }

    private (SimResponse, string?) Dispatch(SimRequest request, Route route, string correlationId) => route.Kind switch
    {
        RouteKind.Token when route.Year is { } year && State.Year(year) is not null => _token.Handle(request, year, correlationId),
        RouteKind.Data => _data.Handle(request, route, correlationId),
        RouteKind.Validations => _validations.Handle(request, route, correlationId),
        RouteKind.Admin => (_admin.Handle(request, route, correlationId), null),
        RouteKind.Discovery when request.Method.Equals("GET", StringComparison.OrdinalIgnoreCase) => (_discovery.Handle(request, route), null),
        _ => (EdFiProblem.NotFound("The specified data could not be found.").ToResponse(correlationId), null),
    };

    /// <summary>What a fault rule names: the resource, or "oauth" for the token endpoint.</summary>
    private static string? FaultTarget(Route route) => route.Kind == RouteKind.Token ? "oauth" : route.Resource;

    /// <summary>
    /// Dropping a connection needs the server's own connection: this runs before WireMock and aborts it, so the client
    /// gets no response at all (WireMock's EMPTY_RESPONSE fault still sends a status line).
    /// </summary>
    private async Task DropConnectionsAsync(HttpContext context, Func<Task> next)
    {
        var route = Route.Parse(context.Request.Path.Value ?? "/", State.Options.DefaultSchoolYear);
        if (route.Kind is RouteKind.Data or RouteKind.Token
            && State.Faults.Next(FaultTarget(route), context.Request.Method, kind => kind == FaultKind.DropConnection) is not null)
        {
            // The body is journaled too, so that a retry of this request is recognised as the same request.
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new SimRequest("", context.Request.Method, context.Request.Path.Value ?? "/", new Dictionary<string, string>(StringComparer.Ordinal), headers, body);
            State.Journal.Append(new JournalEntry
            {
                Sequence = 0,
                Timestamp = State.Time.GetUtcNow(),
                ClientId = ClientOf(request),
                CorrelationId = context.Request.Headers["correlation-id"].FirstOrDefault() ?? Guid.NewGuid().ToString("N"),
                SchoolYear = route.Year?.EndYear,
                Method = context.Request.Method.ToUpperInvariant(),
                Path = context.Request.Path + context.Request.QueryString,
                RequestBody = body.Length == 0 ? null : Masking.Body(body),
                Status = 0,
                Fault = "drop",
            });
            context.Abort();
            return;
        }
        await next().ConfigureAwait(false);
    }

    private static SimResponse Faulted(FaultRule fault, string correlationId) => fault.Kind switch
    {
        FaultKind.ServerError => EdFiProblem.System("An unexpected error occurred on the server (injected fault).").ToResponse(correlationId) with { InjectedFault = "500" },
        FaultKind.ServiceUnavailable => new EdFiProblem(503, "urn:ed-fi:api:service-unavailable", "Service Unavailable", "The service is temporarily unavailable (injected fault).")
            .ToResponse(correlationId) with { InjectedFault = "503" },
        FaultKind.TooManyRequests => new EdFiProblem(429, "urn:ed-fi:api:too-many-requests", "Too Many Requests", "Too many requests: retry later (injected fault).")
            .ToResponse(correlationId).WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)) with { InjectedFault = "429" },
        _ => new SimResponse(0, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null) { Ending = ResponseEnding.DropConnection, InjectedFault = "drop" },
    };

    /// <summary>Who sent a request, for the journal: the bearer token's client, or the client id a token request names.</summary>
    private string? ClientOf(SimRequest request)
    {
        if (_proxy is not null)
            return _proxy.ClientOf(request);
        if (request.Path.EndsWith("/oauth/token", StringComparison.OrdinalIgnoreCase))
            return TokenEndpoint.ClientNamedBy(request);
        return request.Header("Authorization")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var scheme, var token] && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? State.Tokens.Peek(token)?.Client.ClientId
            : null;
    }

    private static SimRequest FromWireMock(IRequestMessage message)
    {
        var query = message.Query?.ToDictionary(q => q.Key, q => string.Join(',', q.Value), StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = message.Headers?.ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase) ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new SimRequest(message.Origin, message.Method, message.Path, query, headers, message.Body);
    }

    private static ResponseMessage ToWireMock(SimResponse response)
    {
        var message = new ResponseMessage { StatusCode = response.Ending == ResponseEnding.DropConnection ? 200 : response.Status };
        if (response.Ending == ResponseEnding.DropConnection)
        {
            message.FaultType = FaultType.EMPTY_RESPONSE;
            message.FaultPercentage = 1.0;
            return message;
        }
        foreach (var (name, value) in response.Headers)
            message.AddHeader(name, value);
        if (response.Body is not null)
        {
            message.BodyData = new BodyData
            {
                BodyAsString = response.Body,
                Encoding = Encoding.UTF8,
                DetectedBodyType = BodyType.String,
            };
        }
        return message;
    }

    public void Dispose()
    {
        _server?.Stop();
        _server?.Dispose();
        _proxyHttp?.Dispose();
        State.Journal.Dispose();
    }
}
