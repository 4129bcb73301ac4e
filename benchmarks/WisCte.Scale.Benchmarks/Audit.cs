using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WisCte.Audit;
using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Load;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Scale.Benchmarks;

/// <summary>
/// An LEA's year in the simulator: a district sync's records written through the simulator's own request pipeline
/// (validation, authorization, store; no HTTP, so a million records load in minutes), then served over HTTP to the audit.
/// </summary>
internal sealed class Audit : IDisposable
{
    public const string ClientId = "benchmark-audit";
    public const long Lea = 48856;

    /// <summary>Records of the audited resources per student: school enrolment, characteristics, section enrolment, CTE association.</summary>
    public const int RecordsPerStudent = 4;

    private Audit(WisedataSimulator simulator, string secret)
    {
        Simulator = simulator;
        Secret = secret;
    }

    public WisedataSimulator Simulator { get; }

    public string Secret { get; }

    public string BaseUrl => Simulator.BaseUrl + "/";

    public static async Task<Audit> SeedAsync(int records)
    {
        var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        // The journal is not what is measured here: a small in-memory window, no file.
        var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(ClientId, secret, Lea)], JournalCapacity = 1000 });
        var audit = new Audit(simulator, secret);
        var sync = new DistrictSync(new SchoolYear(2026), new DistrictMix());
        var token = await audit.TokenAsync();
        var students = records / RecordsPerStudent;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            for (var student = Interlocked.Increment(ref next); student < students; student = Interlocked.Increment(ref next))
            {
                foreach (var request in sync.For(student))
                {
                    var response = await simulator.HandleAsync(Post(token, request));
                    if (response.Status is not (200 or 201))
                        throw new InvalidOperationException($"Seeding: POST {request.Resource} of student {student} answered {response.Status}: {response.Body}");
                }
            }
        })));
        return audit;
    }

    /// <summary>Every page the audit reads, one JSON array a line: the bytes whose parse is the audit's floor.</summary>
    public async Task<long> WritePagesAsync(string path)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        await using var file = new StreamWriter(path);
        var bytes = 0L;
        foreach (var resource in LeaAudit.Resources)
        {
            for (var offset = 0; ; offset += EndpointDataSet.MaximumPageSize)
            {
                var page = await http.GetStringAsync(new Uri(string.Create(CultureInfo.InvariantCulture,
                    $"{BaseUrl}2026/data/v3/ed-fi/{resource}?offset={offset}&limit={EndpointDataSet.MaximumPageSize}")));
                await file.WriteLineAsync(page);
                bytes += Encoding.UTF8.GetByteCount(page);
                if (JsonNode.Parse(page)!.AsArray().Count < EndpointDataSet.MaximumPageSize)
                    break;
            }
        }
        return bytes;
    }

    private async Task<string> TokenAsync()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Secret}"));
        var response = await Simulator.HandleAsync(new SimRequest("http://127.0.0.1", "POST", "/2026/oauth/token", new Dictionary<string, string>(StringComparer.Ordinal),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Basic " + basic, ["Content-Type"] = "application/x-www-form-urlencoded" },
            "grant_type=client_credentials"));
        return JsonNode.Parse(response.Body ?? "{}")?["access_token"]?.GetValue<string>()
               ?? throw new InvalidOperationException($"The simulator gave no token: {response.Status} {response.Body}");
    }

    private static SimRequest Post(string token, SyncRequest request) => new(
        "http://127.0.0.1", "POST", "/2026/data/v3/ed-fi/" + request.Resource, new Dictionary<string, string>(StringComparer.Ordinal),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer " + token, ["Content-Type"] = "application/json" },
        request.Body.ToJsonString());

    public void Dispose() => Simulator.Dispose();
}
