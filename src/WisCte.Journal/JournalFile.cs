using System.Text.Json;
using System.Text.Json.Serialization;

namespace WisCte.Journal;

/// <summary>A journal on disk: NDJSON, one <see cref="JournalEntry"/> a line, written as requests arrive and read back whole or streamed.</summary>
public static class JournalFile
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Readable bodies in the file: quotes and ampersands as they are. The file is data, never served as HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One entry as its line (no line break).</summary>
    public static string ToLine(JournalEntry entry) => JsonSerializer.Serialize(entry, JsonOptions);

    /// <summary>Opens a journal file for appending lines as they happen, flushed line by line; its folder is made.</summary>
    public static StreamWriter Create(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        return new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>Reads a journal file, streaming; a line that is not an entry is an <see cref="InvalidDataException"/> naming file and line.</summary>
    public static IEnumerable<JournalEntry> Read(string path)
    {
        var number = 0;
        // Shared for writing: the simulator may still be appending to the journal being read.
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16));
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            JournalEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<JournalEntry>(line, JsonOptions);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not a journal entry ({ex.Message}).", ex);
            }
            yield return entry ?? throw new InvalidDataException($"{path}:{number}: empty entry.");
        }
    }
}
