using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WisCte.Simulator.Auth;
using WisCte.Journal;

namespace WisCte.Suite.Benchmarks;

internal enum EntryKind
{
    Data,
    Validation,
    Token,
    Other,
}

/// <summary>A replayed request that got another status than the suite's: journal sequence, method, path as replayed.</summary>
internal sealed record StatusDifference(long Sequence, string Method, string Path, int Recorded, int Replayed);

/// <summary>
/// What the replay did. <see cref="Elapsed"/> covers the replayed requests and the replay's own token requests (one per
/// school year, made when first needed); <see cref="PerSecond"/> counts both.
/// </summary>
internal sealed record ReplayResult(
    int Data, int Validations, int RecordedTokens, int Other, int OwnTokens, TimeSpan Elapsed, IReadOnlyList<StatusDifference> Differences)
{
    public int Replayed => Data + Validations;

    public double PerSecond => (Replayed + OwnTokens) / Elapsed.TotalSeconds;
}

/// <summary>
/// Replays a journal's data and validation requests, one at a time in journal order, with a bare HttpClient: the same
/// method, path, body and Content-Type, a bearer token of the entry's school year (none when the recorded request had
/// no Authorization header), and resource ids mapped from the recorded POSTs' Location headers to the replayed ones.
/// Recorded token requests are counted, not replayed; anything else (admin, discovery) is counted and skipped.
/// </summary>
internal sealed class JournalReplay(HttpClient http, string baseUrl, ApiClient client)
{
    private readonly Dictionary<int, string> _tokens = [];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public static EntryKind Classify(string pathAndQuery)
    {
        var segments = PathOf(pathAndQuery).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && segments[0].Length == 4 && segments[0].All(char.IsAsciiDigit))
            segments = segments[1..];
        return segments switch
        {
            [var data, var v3, _, _, ..] when Is(data, "data") && Is(v3, "v3") => EntryKind.Data,
            [var validations, ..] when Is(validations, "validations") => EntryKind.Validation,
            [var oauth, var token] when Is(oauth, "oauth") && Is(token, "token") => EntryKind.Token,
            _ => EntryKind.Other,
        };
    }

    public async Task<ReplayResult> RunAsync(IEnumerable<JournalEntry> journal)
    {
        int data = 0, validations = 0, recordedTokens = 0, other = 0;
        var differences = new List<StatusDifference>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var entry in journal.OrderBy(e => e.Sequence))
        {
            switch (Classify(entry.Path))
            {
                case EntryKind.Token:
                    recordedTokens++;
                    continue;
                case EntryKind.Other:
                    other++;
                    continue;
                case EntryKind.Data:
                    data++;
                    break;
                case EntryKind.Validation:
                    validations++;
                    break;
            }
            var (path, status) = await ReplayAsync(entry);
            if (status != entry.Status)
                differences.Add(new StatusDifference(entry.Sequence, entry.Method, path, entry.Status, status));
        }
        stopwatch.Stop();
        return new ReplayResult(data, validations, recordedTokens, other, _tokens.Count, stopwatch.Elapsed, differences);
    }

    private async Task<(string Path, int Status)> ReplayAsync(JournalEntry entry)
    {
        var path = MapIds(entry.Path);
        using var request = new HttpRequestMessage(new HttpMethod(entry.Method), new Uri(baseUrl + Encoded(path)));
        if (!string.IsNullOrEmpty(entry.RequestBody))
        {
            request.Content = new StringContent(entry.RequestBody, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Header(entry.RequestHeaders, "Content-Type") ?? "application/json");
        }
        if (Header(entry.RequestHeaders, "Authorization") is not null && entry.SchoolYear is { } year)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(year));

        using var response = await http.SendAsync(request);
        _ = await response.Content.ReadAsStringAsync();
        if (entry.Method == "POST" && Header(entry.ResponseHeaders, "Location") is { } recorded && response.Headers.Location is { } replayed)
            _ids[LastSegment(recorded)] = LastSegment(replayed.OriginalString);
        return (path, (int)response.StatusCode);
    }

    /// <summary>The client's token for a school year, from /{year}/oauth/token (Basic credentials, form body), once per year.</summary>
    private async Task<string> TokenAsync(int year)
    {
        if (_tokens.TryGetValue(year, out var token))
            return token;
        var url = new Uri($"{baseUrl}/{year.ToString(CultureInfo.InvariantCulture)}/oauth/token");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.ClientSecret}")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        token = response.IsSuccessStatusCode ? JsonNode.Parse(body)?["access_token"]?.GetValue<string>() : null;
        _tokens[year] = token ?? throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode} without an access token: {body}");
        return token;
    }

    /// <summary>The path with every segment that is a recorded id replaced by the replayed one; the query as it is.</summary>
    private string MapIds(string pathAndQuery)
    {
        var path = PathOf(pathAndQuery);
        var mapped = string.Join('/', path.Split('/').Select(s => _ids.GetValueOrDefault(s, s)));
        return mapped + pathAndQuery[path.Length..];
    }

    /// <summary>The journal keeps query values decoded (<c>name=Fictional High School</c>); they are escaped again here.</summary>
    private static string Encoded(string pathAndQuery)
    {
        var path = PathOf(pathAndQuery);
        if (path.Length == pathAndQuery.Length)
            return path;
        var pairs = pathAndQuery[(path.Length + 1)..].Split('&').Select(pair => pair.Split('=', 2) switch
        {
            [var name, var value] => Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value),
            [var name] => Uri.EscapeDataString(name),
            _ => pair,
        });
        return path + "?" + string.Join('&', pairs);
    }

    private static string PathOf(string pathAndQuery) => pathAndQuery.Split('?', 2)[0];

    private static string LastSegment(string url) => url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..];

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
