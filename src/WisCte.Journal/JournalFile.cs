using System.Buffers;
using System.Collections;
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

    /// <summary>
    /// Reads a journal file, streaming; a line that is not an entry is an <see cref="InvalidDataException"/> naming file
    /// and line. The result can also be read as blocks of whole lines (<see cref="JournalFileEntries.Blocks"/>), for a
    /// reader that parses them on several cores.
    /// </summary>
    public static JournalFileEntries Read(string path) => new(path);

    /// <summary>One line as an entry; null for a blank line.</summary>
    internal static JournalEntry? Parse(string path, int number, ReadOnlySpan<byte> line)
    {
        if (line.Trim(" \t\r"u8).IsEmpty)
            return null;
        try
        {
            return JsonSerializer.Deserialize(line, JournalJsonContext.Default.JournalEntry) ?? throw new InvalidDataException($"{path}:{number}: empty entry.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}:{number}: not a journal entry ({ex.Message}).", ex);
        }
    }
}

/// <summary>The entries of a journal file, read as they are enumerated (each enumeration reads the file again).</summary>
public sealed class JournalFileEntries : IEnumerable<JournalEntry>
{
    /// <summary>About how many bytes of whole lines a block holds (a longer line makes its block longer).</summary>
    private const int BlockSize = 1 << 16;

    internal JournalFileEntries(string path) => Path = path;

    public string Path { get; }

    public IEnumerator<JournalEntry> GetEnumerator()
    {
        foreach (var block in Blocks())
        {
            using (block)
            {
                foreach (var entry in block.Entries())
                    yield return entry;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The file as blocks of whole lines, in order, each in a pooled buffer its reader disposes. Lines are found as
    /// UTF-8 bytes, as they are on disk; parsing them (<see cref="JournalBlock.Entries"/>) may happen on any thread.
    /// Shared for writing: the simulator may still be appending to the journal being read.
    /// </summary>
    public IEnumerable<JournalBlock> Blocks()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        var (filled, line, atStart) = (0, 1, true);
        try
        {
            while (true)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                if (atStart && (filled >= 3 || read == 0))
                {
                    atStart = false;
                    if (buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8))
                    {
                        filled -= 3; // a byte-order mark
                        Array.Copy(buffer, 3, buffer, 0, filled);
                    }
                }
                // The block ends after its last line break; at the end of the file, the last line may have none.
                var end = read == 0 || filled == 0 ? filled : Array.LastIndexOf(buffer, (byte)'\n', filled - 1, filled) + 1;
                if (end > 0)
                {
                    var next = ArrayPool<byte>.Shared.Rent(BlockSize);
                    var rest = filled - end;
                    if (rest > next.Length)
                        next = Grow(next, rest);
                    Array.Copy(buffer, end, next, 0, rest);
                    var block = new JournalBlock(Path, line, buffer, end);
                    line += block.LineCount;
                    (buffer, filled) = (next, rest);
                    yield return block;
                }
                else if (read == 0)
                {
                    yield break;
                }
                else if (filled == buffer.Length)
                {
                    buffer = Grow(buffer, buffer.Length * 2); // a line longer than the buffer
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int size)
    {
        var grown = ArrayPool<byte>.Shared.Rent(size);
        Array.Copy(buffer, grown, Math.Min(buffer.Length, size));
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }
}

/// <summary>Whole lines of a journal file, in a pooled buffer: parse them, then dispose the block.</summary>
public sealed class JournalBlock : IDisposable
{
    private readonly string _path;
    private readonly int _end;
    private byte[]? _buffer;

    /// <param name="end">Where the block's lines end in the buffer (they start at its beginning).</param>
    internal JournalBlock(string path, int firstLine, byte[] buffer, int end)
    {
        (_path, FirstLine, _buffer, _end) = (path, firstLine, buffer, end);
        LineCount = buffer.AsSpan(0, end).Count((byte)'\n');
        if (end > 0 && buffer[end - 1] != '\n')
            LineCount++; // the file's last line, without a line break
    }

    /// <summary>The file's line number of the block's first line (from 1).</summary>
    public int FirstLine { get; }

    public int LineCount { get; }

    /// <summary>The block's entries, in order (blank lines passed over); a line that is not an entry throws, naming it.</summary>
    public List<JournalEntry> Entries()
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(JournalBlock));
        var entries = new List<JournalEntry>(LineCount);
        var (start, number) = (0, FirstLine);
        while (start < _end)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, _end - start);
            var end = newline < 0 ? _end : newline;
            if (JournalFile.Parse(_path, number++, buffer.AsSpan(start, end - start)) is { } entry)
                entries.Add(entry);
            start = end + 1;
        }
        return entries;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>The journal entry's JSON shape, generated at build time (no reflection when a million lines are read).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
