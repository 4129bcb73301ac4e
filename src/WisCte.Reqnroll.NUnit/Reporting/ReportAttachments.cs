using System.Text.Json;
using Reqnroll;

namespace WisCte.Reqnroll.NUnit.Reporting;

/// <summary>
/// Lets a step attach evidence (text, JSON) to the living-doc report, under the step that is running.
/// Inject it into a binding class; one instance per scenario, nothing static.
/// </summary>
public sealed class ReportAttachments(IReqnrollOutputHelper output, LivingDocOptions options)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // One folder per scenario keeps attachment names readable in the report and free of clashes between scenarios.
    private readonly string _folder = Path.Combine(options.AttachmentsDirectory, Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A line in the report's log for the current step.</summary>
    public void Log(string line) => output.WriteLine(line);

    public void AttachText(string name, string text) => Attach(name, ".txt", text);

    /// <summary>Attaches JSON, indented when it parses; unparseable text is attached as it is, so nothing is lost.</summary>
    public void AttachJson(string name, string json) => Attach(name, ".json", Indent(json));

    public void AttachJson<T>(string name, T value) => Attach(name, ".json", JsonSerializer.Serialize(value, Indented));

    private void Attach(string name, string extension, string content)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, SafeFileName(name) + extension);
        for (var n = 2; File.Exists(path); n++)
            path = Path.Combine(_folder, $"{SafeFileName(name)}-{n}{extension}");
        File.WriteAllText(path, content);
        output.AddAttachment(path);
    }

    private static string Indent(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c)]);
        return string.IsNullOrEmpty(safe) ? "attachment" : safe;
    }
}
