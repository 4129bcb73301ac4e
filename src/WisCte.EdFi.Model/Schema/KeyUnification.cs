using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>
/// One key column that two references of a resource share (a grade's schoolId, in its grading period and its section
/// association): the ODS stores it once, so every value supplied for it must be the same.
/// </summary>
public sealed record UnifiedKey(string QueryName, IReadOnlyList<string> Paths);

/// <summary>The ODS's key-unification check: conflicting values for a shared key refuse the request at every path that holds one.</summary>
public static class KeyUnification
{
    public static void Check(ResourceSchema resource, BindResult result)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var key in resource.UnifiedKeys)
        {
            var supplied = key.Paths
                .Select(path => (Path: path, Value: JsonPath.Get(result.Document, path) as JsonValue))
                .Where(v => v.Value is not null)
                .Select(v => (v.Path, Text: v.Value!.ToString()))
                .ToList();
            var distinct = supplied.Select(v => v.Text).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count < 2)
                continue;
            var message = $"All values supplied for '{key.QueryName}' must match. Review all references and align the following conflicting values: {string.Join(", ", distinct.Select(v => $"'{v}'"))}";
            foreach (var (path, _) in supplied)
                result.AddError("$." + path, message);
        }
    }
}
