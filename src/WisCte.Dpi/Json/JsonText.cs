using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.Dpi.Json;

/// <summary>Parsing JSON text with an error a person can act on: what is wrong, on which line and at which position.</summary>
public static class JsonText
{
    public static JsonParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
            return node is null ? new JsonParseResult(null, "the text is the JSON literal null, not an object") : new JsonParseResult(node, null);
        }
        catch (JsonException ex)
        {
            // JsonException numbers lines and positions from zero.
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return new JsonParseResult(null, $"not well-formed JSON{where}: {FirstSentence(ex.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

public sealed record JsonParseResult(JsonNode? Node, string? Error);
