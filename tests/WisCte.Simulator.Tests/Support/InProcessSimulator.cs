using WisCte.EdFi.Model;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using WisCte.Dpi;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Baseline;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Tests.Support;

/// <summary>
/// A simulator's state on a resource model a test chooses (the server always loads the embedded one), baseline
/// loaded, with requests sent through the whole request pipeline (no server), as LEA 48856's
/// client in 2025-26.
/// </summary>
internal sealed class InProcessSimulator
{
    public static readonly SchoolYear Year = new(2026);
    private static readonly ApiClient Client = new("lea-client", "lea-secret-123", SimulatorTestBase.LeaId);
    private static int _students = 700_000;

    private readonly WisedataSimulator _simulator;
    private readonly string _token;

    public InProcessSimulator(SchemaCatalog schema)
    {
        State = new SimulatorState(new SimulatorOptions { Clients = [Client] }, schema, DescriptorCatalog.Embedded());
        BaselineLoader.Load(State);
        _simulator = WisedataSimulator.CreateUnhosted(State);
        _token = State.Tokens.Issue(Client, Year).AccessToken;
    }

    public SimulatorState State { get; }

    /// <summary>The embedded fixtures/edfi/resources.json, changed by <paramref name="edit"/> before it is loaded.</summary>
    public static SchemaCatalog Model(Action<JsonNode> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        using var embedded = typeof(SchemaCatalog).Assembly.GetManifestResourceStream("edfi/resources.json")!;
        var model = JsonNode.Parse(embedded)!;
        edit(model);
        using var copy = new MemoryStream(Encoding.UTF8.GetBytes(model.ToJsonString()));
        return SchemaCatalog.Load(copy);
    }

    /// <param name="query">A query string without its '?', values unescaped.</param>
    public SimResponse Send(string method, string resource, string? query = null, JsonNode? body = null)
    {
        var path = "/data/v3/ed-fi/" + resource;
        var parameters = (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer " + _token,
            ["Content-Type"] = "application/json",
        };
        var request = new SimRequest("http://in-process", method, path, parameters, headers, body?.ToJsonString());
        return _simulator.HandleAsync(request).GetAwaiter().GetResult();
    }

    public void Post(string resource, JsonNode body)
    {
        var response = Send("POST", resource, body: body);
        response.Status.Should().Be(201, response.Body);
    }

    public JsonArray Get(string resource, string query)
    {
        var response = Send("GET", resource, query);
        response.Status.Should().Be(200, response.Body);
        return JsonNode.Parse(response.Body!)!.AsArray();
    }

    public int Count(string resource, string query) => Get(resource, query).Count;

    /// <summary>A new student, enrolled at the public high school 7525.</summary>
    public string EnrolledStudent()
    {
        var id = Interlocked.Increment(ref _students).ToString(CultureInfo.InvariantCulture);
        Post("students", new JsonObject { ["studentUniqueId"] = id, ["firstName"] = "InProcess", ["lastSurname"] = "Student" + id, ["birthDate"] = "2008-05-01" });
        Post("studentSchoolAssociations", new JsonObject
        {
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = id },
            ["schoolReference"] = new JsonObject { ["schoolId"] = SimulatorTestBase.PublicSchool },
            ["entryDate"] = "2025-08-26",
            ["entryGradeLevelDescriptor"] = "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade",
        });
        return id;
    }
}
