using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.Audit;

/// <summary>
/// One LEA of a statewide audit, as the LEAs file names it: where its records are read and which environment
/// variables hold its key (the file never holds a secret; a CI runner maps its secrets into those variables).
/// </summary>
public sealed record LeaEntry(int Index, string Name, long Lea, Uri BaseUrl, string ClientIdVariable, string ClientSecretVariable);

/// <summary>Which part of the LEAs one runner audits: shard <see cref="Index"/> of <see cref="Count"/>, 1-based; LEA k (0-based, in file order) goes to shard k mod Count + 1.</summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(1, 1);

    /// <summary>"I/N", e.g. "2/3"; null when the text is not one.</summary>
    public static Shard? Parse(string? text)
    {
        var parts = (text ?? "").Split('/');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
               && count >= 1 && index >= 1 && index <= count
            ? new Shard(index, count)
            : null;
    }

    public IEnumerable<LeaEntry> Of(IEnumerable<LeaEntry> leas) => leas.Where(l => l.Index % Count == Index - 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}

/// <summary>
/// A statewide audit spread over CI runners: an LEAs file read and split into shards, each shard's results written as
/// one JSON file, and the shards' files merged into one report equal to auditing every LEA in one process.
/// </summary>
public static class StatewideAudit
{
    public const string DefaultIdVariable = "WISCTE_CLIENT_ID";
    public const string DefaultSecretVariable = "WISCTE_CLIENT_SECRET";

    /// <summary>
    /// Reads an LEAs file: a JSON array of {"lea": 48856, "baseUrl": "https://…", "name"?: "…", "clientIdVariable"?: "…",
    /// "clientSecretVariable"?: "…"}. A bad entry is an <see cref="InvalidDataException"/> naming the file and the entry.
    /// </summary>
    public static IReadOnlyList<LeaEntry> ReadLeas(string path)
    {
        JsonArray entries;
        try
        {
            entries = JsonNode.Parse(File.ReadAllText(path)) as JsonArray ?? throw new InvalidDataException($"{path}: not a JSON array of LEAs.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not JSON ({ex.Message}).", ex);
        }
        var leas = new List<LeaEntry>();
        foreach (var (node, index) in entries.Select((n, i) => (n, i)))
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}: LEA {index + 1}");
            if (node is not JsonObject entry)
                throw new InvalidDataException($"{where}: not an object.");
            if (entry["lea"] is not JsonValue leaValue || !leaValue.TryGetValue<long>(out var lea) || lea <= 0)
                throw new InvalidDataException($"{where}: \"lea\" must be an education organization id, e.g. 48856.");
            if (!Uri.TryCreate(Text(entry, "baseUrl")?.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                throw new InvalidDataException($"{where}: \"baseUrl\" must be an absolute http(s) URL.");
            if (entry.ContainsKey("clientSecret") || entry.ContainsKey("secret"))
                throw new InvalidDataException($"{where}: holds a secret; name the environment variable that holds it instead (\"clientSecretVariable\").");
            leas.Add(new LeaEntry(index, Text(entry, "name") ?? string.Create(CultureInfo.InvariantCulture, $"LEA {lea}"), lea, baseUrl,
                Text(entry, "clientIdVariable") ?? DefaultIdVariable, Text(entry, "clientSecretVariable") ?? DefaultSecretVariable));
        }
        if (leas.Count == 0)
            throw new InvalidDataException($"{path}: names no LEA.");
        return leas;
    }

    /// <summary>One LEA's result in a shard file: its audit report, or why it could not be audited.</summary>
    public static JsonObject Result(LeaEntry lea, AuditReport? report, string? error)
    {
        ArgumentNullException.ThrowIfNull(lea);
        var result = new JsonObject { ["index"] = lea.Index, ["name"] = lea.Name, ["lea"] = lea.Lea };
        if (report is not null)
            result["report"] = report.ToJson();
        else
            result["error"] = error;
        return result;
    }

    public static JsonObject ShardFile(Shard shard, int leasInFile, IEnumerable<JsonObject> results) => new()
    {
        ["shard"] = shard.ToString(),
        ["leasInFile"] = leasInFile,
        ["audits"] = new JsonArray([.. results]),
    };

    /// <summary>
    /// Joins the shards' files into one report, LEAs in file order. Every shard of one split must be there exactly once;
    /// otherwise an <see cref="InvalidDataException"/> says which is missing or repeated (a partial merge would pass LEAs
    /// that were never audited).
    /// </summary>
    public static JsonObject Merge(IReadOnlyList<(string Path, JsonObject File)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
            throw new InvalidDataException("No shard files to merge.");
        var parsed = shards.Select(s => (s.Path, Shard: ShardOf(s.Path, s.File), s.File)).ToList();
        var count = parsed[0].Shard.Count;
        var leas = parsed[0].File["leasInFile"]?.GetValue<int>();
        if (parsed.FirstOrDefault(p => p.Shard.Count != count || p.File["leasInFile"]?.GetValue<int>() != leas) is { Path: { } other })
            throw new InvalidDataException($"{other}: is a shard of another split (or another LEAs file) than {parsed[0].Path}.");
        foreach (var index in Enumerable.Range(1, count))
        {
            var found = parsed.Count(p => p.Shard.Index == index);
            if (found != 1)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Shard {index}/{count} is {(found == 0 ? "missing" : "given more than once")}: merge every shard's file once."));
        }
        var audits = parsed.SelectMany(p => p.File["audits"]!.AsArray()).Select(a => a!.DeepClone().AsObject()).OrderBy(a => a["index"]!.GetValue<int>()).ToList();
        return ShardFile(Shard.Whole, leas ?? audits.Count, audits);
    }

    /// <summary>A shard file's shard, its shape checked: a file of another shape is named, never half merged.</summary>
    private static Shard ShardOf(string path, JsonObject file)
    {
        var shard = file["shard"] is JsonValue text && text.TryGetValue<string>(out var value) ? Shard.Parse(value) : null;
        var shaped = shard is not null
                     && file["leasInFile"] is JsonValue leas && leas.TryGetValue<int>(out _)
                     && file["audits"] is JsonArray audits
                     && audits.All(a => a is JsonObject audit && audit["index"] is JsonValue index && index.TryGetValue<int>(out _));
        return shaped ? shard! : throw new InvalidDataException($"{path}: not a shard file of `wiscte audit --leas` (shard, leasInFile, audits).");
    }

    /// <summary>Exit code of a set of results: 2 when an LEA could not be audited, 1 when one has errors, else 0.</summary>
    public static int ExitCode(JsonObject file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var audits = file["audits"]!.AsArray().OfType<JsonObject>().ToList();
        return audits.Any(a => a.ContainsKey("error")) ? 2 : audits.Any(a => a["report"]?["conforms"]?.GetValue<bool>() == false) ? 1 : 0;
    }

    private static string? Text(JsonObject entry, string name) =>
        entry[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
