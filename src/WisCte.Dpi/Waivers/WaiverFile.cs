using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WisCte.Dpi.Waivers;

/// <summary>
/// An exception DPI accepted: a rule's findings (in one use case, or in all when none is named) stand, shown as waived,
/// without failing the verdict, until the day after <see cref="Expires"/>.
/// </summary>
/// <param name="Line">The line of the waivers file the waiver starts on, for messages.</param>
public sealed record Waiver(string RuleId, string? UseCaseId, string Reason, string ApprovedBy, DateOnly Expires, int Line)
{
    /// <summary>Until when, by whom and why: what every output says after "waived".</summary>
    public string Terms => $"until {Expires:yyyy-MM-dd} by {ApprovedBy}: {Reason}";

    public override string ToString() => "waived " + Terms;
}

/// <summary>A waivers file is wrong: the message names the file and line, and nothing is judged.</summary>
public sealed class WaiverFileException(string message) : Exception(message);

/// <summary>
/// The waivers a run honours, read from a JSON file: an array of objects with <c>rule</c>, optional <c>useCase</c>,
/// <c>reason</c>, <c>approvedBy</c> and <c>expires</c> (yyyy-MM-dd). A file that is not that, a member not known, a rule
/// not known, a waiver given twice, or a waiver already expired is refused with the line it is on: a waiver that
/// silently stops applying would fail a SIS by surprise, and one silently ignored would pass it.
/// </summary>
public sealed class WaiverFile
{
    private static readonly string[] Members = ["rule", "useCase", "reason", "approvedBy", "expires"];

    private WaiverFile(IReadOnlyList<Waiver> waivers) => Waivers = waivers;

    public static WaiverFile None { get; } = new([]);

    public IReadOnlyList<Waiver> Waivers { get; }

    /// <summary>The waiver of a rule's finding in a use case (one naming the use case first, then one naming none).</summary>
    public Waiver? For(string ruleId, string? useCaseId) =>
        Waivers.FirstOrDefault(w => w.RuleId.Equals(ruleId, StringComparison.OrdinalIgnoreCase) && w.UseCaseId is not null && string.Equals(w.UseCaseId, useCaseId, StringComparison.OrdinalIgnoreCase))
        ?? Waivers.FirstOrDefault(w => w.RuleId.Equals(ruleId, StringComparison.OrdinalIgnoreCase) && w.UseCaseId is null);

    /// <param name="isKnownRule">Whether a rule id is one the harness reports (a misspelt id would waive nothing).</param>
    /// <param name="today">The day of the run: a waiver whose expiry is before it is refused.</param>
    public static WaiverFile Load(string path, Func<string, bool> isKnownRule, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(isKnownRule);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WaiverFileException($"{path}: cannot be read ({ex.Message}).");
        }
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
            bytes = bytes[3..]; // a byte-order mark
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new WaiverFileException($"{path}:{(ex.LineNumber ?? 0) + 1}: not JSON ({ex.Message}).");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new WaiverFileException($"{path}:1: a waivers file is a JSON array of waivers, e.g. [{{\"rule\": \"CERT-BACKOFF\", \"useCase\": \"1.0\", \"reason\": \"…\", \"approvedBy\": \"…\", \"expires\": \"2027-06-30\"}}].");
            var lines = ItemLines(bytes);
            var waivers = new List<Waiver>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var line = lines[index++];
                var waiver = Read(item, $"{path}:{line}", line, isKnownRule, today);
                if (waivers.FirstOrDefault(w => w.RuleId.Equals(waiver.RuleId, StringComparison.OrdinalIgnoreCase) && string.Equals(w.UseCaseId, waiver.UseCaseId, StringComparison.OrdinalIgnoreCase)) is { } earlier)
                    throw new WaiverFileException($"{path}:{line}: {waiver.RuleId}{In(waiver.UseCaseId)} is already waived on line {earlier.Line}.");
                waivers.Add(waiver);
            }
            return new WaiverFile(waivers);
        }
    }

    private static Waiver Read(JsonElement item, string at, int line, Func<string, bool> isKnownRule, DateOnly today)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new WaiverFileException($"{at}: a waiver is an object with rule, reason, approvedBy and expires.");
        foreach (var member in item.EnumerateObject().Where(m => !Members.Contains(m.Name, StringComparer.Ordinal)))
            throw new WaiverFileException($"{at}: '{member.Name}' is not a member of a waiver ({string.Join(", ", Members)}).");
        string? Text(string name, string what, bool required = true)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return required ? throw new WaiverFileException($"{at}: the waiver has no \"{name}\" ({what}).") : null;
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                throw new WaiverFileException($"{at}: \"{name}\" must be text ({what}).");
            return value.GetString()!.Trim();
        }
        var rule = Text("rule", "the rule id, e.g. CERT-BACKOFF or WI-L2-16.1")!;
        var useCase = Text("useCase", "the use case, e.g. 1.0; leave it out to waive the rule in every use case", required: false);
        var reason = Text("reason", "why DPI accepts the exception")!;
        var approvedBy = Text("approvedBy", "who at DPI approved it")!;
        var expiresText = Text("expires", "the last day it applies, yyyy-MM-dd")!;
        if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            throw new WaiverFileException($"{at}: \"expires\" is '{expiresText}', not a date written yyyy-MM-dd.");
        if (!isKnownRule(rule))
            throw new WaiverFileException($"{at}: no rule is called '{rule}' (verdict.json lists every rule with its id).");
        if (expires < today)
            throw new WaiverFileException($"{at}: the waiver of {rule}{In(useCase)} expired on {expires:yyyy-MM-dd}: renew it with DPI or remove it.");
        return new Waiver(rule, useCase, reason, approvedBy, expires, line);
    }

    private static string In(string? useCase) => useCase is null ? "" : $" in use case {useCase}";

    /// <summary>The line each item of the top-level array starts on (1-based).</summary>
    private static List<int> ItemLines(byte[] bytes)
    {
        var lines = new List<int>();
        var (counted, line) = (0, 1); // line breaks counted once, up to the latest item
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        reader.Read(); // the array
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            line += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
            counted = start;
            lines.Add(line);
            reader.Skip();
        }
        return lines;
    }
}
