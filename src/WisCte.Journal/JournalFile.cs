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
        // Lines are found and parsed as UTF-8 bytes, as they are on disk (no string per line to parse again).
        // Shared for writing: the simulator may still be appending to the journal being read.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var buffer = new byte[1 << 16];
        var (filled, number, atStart) = (0, 0, true);
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            if (atStart && filled >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
                start = 3; // a byte-order mark
            atStart = false;
            while (start < filled)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                if (newline < 0 && read > 0)
                    break; // the rest of the line is still to be read
                var end = newline < 0 ? filled : newline; // the last line may have no line break
                if (Parse(path, ++number, buffer, start, end - start) is { } entry)
                    yield return entry;
                start = end + 1;
            }
            if (read == 0)
                yield break;
            Array.Copy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (filled == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
        }
    }

    /// <summary>One line as an entry; null for a blank line.</summary>
    private static JournalEntry? Parse(string path, int number, byte[] buffer, int start, int length)
    {
        var line = buffer.AsSpan(start, length);
        if (line.Trim(" \t\r"u8).IsEmpty)
            return null;
        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(line, JsonOptions) ?? throw new InvalidDataException($"{path}:{number}: empty entry.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}:{number}: not a journal entry ({ex.Message}).", ex);
        }
    }
}
