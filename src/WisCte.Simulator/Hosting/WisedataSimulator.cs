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
using WisCte.Dpi.L1;
using WisCte.Simulator.Baseline;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Http;
using WisCte.Simulator.Journal;
using WisCte.Simulator.Pipeline;
using WisCte.Simulator.Auth;
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
    private readonly ResourceEndpoint _resources;
    private readonly DescriptorEndpoint _descriptors;
    private readonly AdminEndpoint _admin;
    private readonly DiscoveryEndpoint _discovery;
    private readonly ValidationEndpoint _validations;
    private readonly ProxyForwarder? _proxy;
    private readonly HttpClient? _proxyHttp;
    private readonly RequestPipeline _pipeline;

    private WisedataSimulator(SimulatorState state, bool listen)
    {
        State = state;
        _token = new TokenEndpoint(state);
        _resources = new ResourceEndpoint(state, L1RuleSet.Dpi);
        _descriptors = new DescriptorEndpoint(state);
        _admin = new AdminEndpoint(state);
        _discovery = new DiscoveryEndpoint(state);
        _validations = new ValidationEndpoint(state);
        if (state.Options.ProxyTo is { } upstream)
        {
            _proxyHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(100) };
            _proxy = new ProxyForwarder(upstream, _proxyHttp);
        }
        _pipeline = new RequestPipeline(Steps(), Dispatch);
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

    internal SimulatorState State { get; }

    /// <summary>http://127.0.0.1:{port}, no trailing slash (WireMock says "localhost", which may resolve to ::1, where nothing listens).</summary>
    public string BaseUrl => _server is null
        ? throw new InvalidOperationException("This simulator instance does not listen on a port.")
        : $"http://127.0.0.1:{_server.Ports[0].ToString(CultureInfo.InvariantCulture)}";

    public string TokenUrl => BaseUrl + "/oauth/token";

    public SimulatorJournal Journal => State.Journal;

    public FaultInjector Faults => State.Faults;

    /// <summary>Ends every token issued so far (or one client's) now, as if it had expired: the token-expiry drill.</summary>
    /// <returns>How many tokens were ended.</returns>
    public int ExpireTokens(string? clientId = null) => State.Tokens.ExpireAll(clientId);

    /// <summary>Runs DPI's L2 rules now over one LEA's records of a year (as the validation endpoint does).</summary>
    public IReadOnlyList<WisCte.Dpi.L2.ValidationResult> RunValidations(long localEducationAgencyId, WisCte.EdFi.Model.SchoolYear year) =>
        _validations.Run(localEducationAgencyId, year);

    /// <summary>Starts a simulator on a loopback port (options.Port, or a free one when 0), baseline loaded.</summary>
    public static WisedataSimulator Start(SimulatorOptions options) => Create(options, listen: true);

    /// <summary>A simulator without a server of its own, for hosting <see cref="HandleAsync"/> elsewhere (benchmarks).</summary>
    public static WisedataSimulator CreateUnhosted(SimulatorOptions options) => Create(options, listen: false);

    /// <summary>A simulator over a state a test built (its own resource model), without a server.</summary>
    internal static WisedataSimulator CreateUnhosted(SimulatorState state) => new(state, listen: false);

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

    /// <summary>Answers one request: it runs through <see cref="Steps"/> to the endpoint its route names.</summary>
    public Task<SimResponse> HandleAsync(SimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _pipeline.RunAsync(new RequestContext(request, Route.Parse(request.Path, State.Options.DefaultSchoolYear)));
    }

    /// <summary>
    /// The request pipeline, in order: correlation id, journal, errors as 500s, the token-expiry drill, injected faults, the proxy (which
    /// answers the API's routes itself), school year, authentication, resource and operation, body, resource claims.
    /// </summary>
    private IEnumerable<IRequestStep> Steps()
    {
        yield return new CorrelationStep();
        yield return new JournalStep(State.Journal, State.Time, ClientOf);
        yield return new ErrorStep();
        if (State.Options.ExpireTokensAtDataRequest is { } drillAt)
            yield return new TokenExpiryDrillStep(State.Tokens, drillAt);
        yield return new FaultStep(State.Faults);
        if (_proxy is not null)
            yield return new ProxyStep(_proxy);
        yield return new SchoolYearStep(State);
        yield return new AuthenticationStep(State.Tokens);
        yield return new OperationStep(State);
        yield return new BodyStep(State.Options.MaxBodyBytes);
        yield return new ResourceClaimsStep(State);
    }

    private Task<SimResponse> Dispatch(RequestContext context) => Task.FromResult(context.Route.Kind switch
    {
        RouteKind.Token => _token.Handle(context),
        RouteKind.Data when context.Resource is not null => _resources.Handle(context),
        RouteKind.Data => _descriptors.Handle(context),
        RouteKind.Validations => _validations.Handle(context),
        RouteKind.Admin => _admin.Handle(context),
        RouteKind.Discovery when context.Request.Method.Equals("GET", StringComparison.OrdinalIgnoreCase) => _discovery.Handle(context.Request, context.Route),
        _ => context.Problem(EdFiProblem.NotFound("The specified data could not be found.")),
    });

    /// <summary>
    /// Dropping a connection needs the server's own connection: this runs before WireMock and aborts it, so the client
    /// gets no response at all (WireMock's EMPTY_RESPONSE fault still sends a status line).
    /// </summary>
    private async Task DropConnectionsAsync(HttpContext context, Func<Task> next)
    {
        var route = Route.Parse(context.Request.Path.Value ?? "/", State.Options.DefaultSchoolYear);
        if (route.Kind is RouteKind.Data or RouteKind.Token
            && State.Faults.Next(FaultStep.TargetOf(route), context.Request.Method, kind => kind == FaultKind.DropConnection) is not null)
        {
            // The body is journaled too, so that a retry of this request is recognised as the same request.
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var request = new SimRequest("", context.Request.Method, context.Request.Path.Value ?? "/", query, headers, body.Length == 0 ? null : body);
            var correlationId = request.Header(CorrelationStep.Header) ?? Guid.NewGuid().ToString("N");
            State.Journal.Append(JournalRecord.Of(State.Time.GetUtcNow(), request, route, ClientOf(request), correlationId, response: null, TimeSpan.Zero));
            context.Abort();
            return;
        }
        await next().ConfigureAwait(false);
    }

    /// <summary>Who sent a request, for the journal: the bearer token's client, or the client id a token request names.</summary>
    private string? ClientOf(SimRequest request)
    {
        if (_proxy is not null)
            return _proxy.ClientOf(request);
        if (request.Path.EndsWith("/oauth/token", StringComparison.OrdinalIgnoreCase))
            return TokenEndpoint.ClientNamedBy(request);
        return BearerToken.Parse(request.Header("Authorization")).Token is { } token ? State.Tokens.Peek(token)?.Client.ClientId : null;
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
