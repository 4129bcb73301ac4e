using System.Text.Json.Nodes;
using WisCte.EdFi.Model;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;
using WisCte.Simulator.Pipeline;

namespace WisCte.Simulator.Tests.Pipeline;

/// <summary>One step run on its own: a request made up for it, and a next step that records whether it was reached.</summary>
internal sealed class StepHarness
{
    public static readonly SchoolYear Year = new(2026);
    public static readonly ApiClient Client = new("step-client", "step-secret-123", 48856);

    public StepHarness(SimulatorProfile profile = SimulatorProfile.Wisedata)
    {
        var schema = SchemaCatalog.Embedded();
        var options = new SimulatorOptions { Clients = [Client], Profile = profile, SchoolYears = [new(2025), Year], LoadBaseline = false };
        var descriptors = profile == SimulatorProfile.EdFiOds ? DescriptorCatalog.EdFiDefaults() : DescriptorCatalog.Embedded();
        State = new SimulatorState(options, schema, descriptors.ForInstance(schema.DescriptorTypes));
    }

    public SimulatorState State { get; }

    public int NextCalls { get; private set; }

    /// <summary>What the next step answers when reached.</summary>
    public SimResponse NextAnswer { get; set; } = SimResponse.Json(200, new JsonObject { ["reached"] = true });

    public static RequestContext Context(string method, string path, IReadOnlyDictionary<string, string>? headers = null, string? body = null, IReadOnlyDictionary<string, string>? query = null) =>
        new(new SimRequest("http://step", method, path, query ?? new Dictionary<string, string>(StringComparer.Ordinal),
            headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), body), Route.Parse(path, Year));

    public static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);

    public Task<SimResponse> Run(IRequestStep step, RequestContext context) =>
        step.InvokeAsync(context, _ =>
        {
            NextCalls++;
            return Task.FromResult(NextAnswer);
        });

    public string Token(SchoolYear? year = null) => State.Tokens.Issue(State.Tokens.Clients.Single(), year ?? Year).AccessToken;

    public static string? Error(SimResponse response) =>
        JsonNode.Parse(response.Body!)!["errors"] is JsonArray errors && errors.Count > 0 ? errors[0]!.GetValue<string>() : null;

    public static string? Detail(SimResponse response) => JsonNode.Parse(response.Body!)!["detail"]?.GetValue<string>();
}
