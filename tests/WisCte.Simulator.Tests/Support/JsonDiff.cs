using System.Text.Json.Nodes;

namespace WisCte.Simulator.Tests.Support;

/// <summary>Where two JSON documents first differ, for assertion messages that name the member the simulator lost or changed.</summary>
public static class JsonDiff
{
    /// <summary>Null when equal (object member order aside); else the path and both values.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                        return $"{path}.{key}: sent {value?.ToJsonString()}, missing from the response";
                    if (FirstDifference(value, a[key], $"{path}.{key}") is { } inner)
                        return inner;
                }
                return a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k)) is { } extra
                    ? $"{path}.{extra}: not sent, but the response has {a[extra]?.ToJsonString()}"
                    : null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                    return $"{path}: sent {e.Count} items, the response has {a.Count}";
                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner)
                        return inner;
                }
                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: sent {expected?.ToJsonString()}, the response has {actual?.ToJsonString()}";
        }
    }
}
