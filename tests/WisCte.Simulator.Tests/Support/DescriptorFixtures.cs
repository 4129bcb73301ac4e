using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Simulator.Tests.Support;

/// <summary>
/// The descriptor fixtures as the tests read them, on their own (not through the simulator's loader): Ed-Fi's DS 5.2
/// default files (fixtures/edfi/ds-5.2/Descriptors/*.xml), DPI's values (fixtures/descriptors/dpi.json) and the table of
/// the types WISEdata replaces (fixtures/descriptors/wisedata-namespaces.json).
/// </summary>
public static class DescriptorFixtures
{
    public sealed record Value(string Type, string Namespace, string CodeValue, string ShortDescription, string? Description, int? FromSchoolYear, int? ToSchoolYear)
    {
        public string Uri => $"{Namespace}#{CodeValue}";

        public bool IsValidIn(int year) => (FromSchoolYear is null || year >= FromSchoolYear) && (ToSchoolYear is null || year <= ToSchoolYear);
    }

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Value>>> EdFi = new(ReadEdFiDefaults);

    /// <summary>Every type in Ed-Fi's files (the element names, not the file names: two files are named otherwise).</summary>
    public static IEnumerable<string> EdFiTypes => EdFi.Value.Keys.Order(StringComparer.Ordinal);

    public static IReadOnlyList<Value> EdFiDefaults(string type) => EdFi.Value[type];

    /// <summary>DPI's values of a type (any namespace) from dpi.json.</summary>
    public static IReadOnlyList<Value> DpiValues(string type) =>
        [.. DpiAll.Value.Where(v => string.Equals(v.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Whether the table gives the type to DPI ("dpi"); a type without a row takes "otherTypes".</summary>
    public static bool IsReplaced(string type)
    {
        var table = Table.Value;
        var row = (table["types"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(r => string.Equals(r["descriptor"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));
        return (row ?? table["otherTypes"]!.AsObject())["namespace"]!.GetValue<string>() == "dpi";
    }

    /// <summary>The table's rows.</summary>
    public static IEnumerable<(string Type, string Namespace, string Source)> TableRows =>
        (Table.Value["types"] as JsonArray ?? []).OfType<JsonObject>()
        .Select(r => (r["descriptor"]!.GetValue<string>(), r["namespace"]!.GetValue<string>(), r["source"]!.GetValue<string>()));

    /// <summary>Ed-Fi's resource name for a descriptor type: camelCase, a leading acronym lower-cased, plural (CTEProgramServiceDescriptor → cteProgramServiceDescriptors).</summary>
    public static string Endpoint(string type)
    {
        var upper = type.TakeWhile(char.IsUpper).Count();
        var lower = upper <= 1 ? 1 : upper - 1;
        return type[..lower].ToLowerInvariant() + type[lower..] + "s";
    }

    private static readonly Lazy<JsonObject> Table = new(() => JsonNode.Parse(Fixtures.Read("descriptors/wisedata-namespaces.json"))!.AsObject());

    private static readonly Lazy<IReadOnlyList<Value>> DpiAll = new(() =>
        [.. JsonNode.Parse(Fixtures.Read("descriptors/dpi.json"))!["descriptors"]!.AsArray().Select(r => new Value(
            r!["descriptor"]!.GetValue<string>(), r["namespace"]!.GetValue<string>(), r["codeValue"]!.GetValue<string>(),
            r["shortDescription"]?.GetValue<string>() ?? r["codeValue"]!.GetValue<string>(), r["description"]?.GetValue<string>(),
            r["fromSchoolYear"]?.GetValue<int>(), r["toSchoolYear"]?.GetValue<int>()))]);

    public static string RepositoryRoot =>
        LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run the tests from within the repository.");

    public static string EdFiDirectory => Path.Combine(RepositoryRoot, "fixtures", "edfi", "ds-5.2", "Descriptors");

    private static Dictionary<string, IReadOnlyList<Value>> ReadEdFiDefaults()
    {
        var byType = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(EdFiDirectory, "*.xml"))
        {
            foreach (var element in XDocument.Load(file).Root!.Elements())
            {
                string? Child(string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
                var type = element.Name.LocalName;
                if (!byType.TryGetValue(type, out var values))
                    byType[type] = values = [];
                values.Add(new Value(type, Child("Namespace")!, Child("CodeValue")!, Child("ShortDescription")!, Child("Description"), null, null));
            }
        }
        if (byType.Count == 0)
            throw new InvalidOperationException($"No descriptor in {EdFiDirectory}.");
        return byType.ToDictionary(p => p.Key, p => (IReadOnlyList<Value>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Every value a descriptor endpoint serves in the client's year, read page by page (500 a page, the most allowed).</summary>
    public static async Task<List<JsonObject>> ReadAllAsync(TestClient client, string endpoint)
    {
        const int pageSize = 500;
        var all = new List<JsonObject>();
        for (var offset = 0; ; offset += pageSize)
        {
            var response = await client.GetAsync(endpoint, string.Create(CultureInfo.InvariantCulture, $"offset={offset}&limit={pageSize}&totalCount=true"));
            if (response.Code != 200)
                throw new InvalidOperationException($"GET {endpoint}: {response}");
            var page = response.Json!.AsArray().OfType<JsonObject>().ToList();
            all.AddRange(page);
            if (page.Count < pageSize)
            {
                var total = int.Parse(response.Header("Total-Count") ?? "-1", CultureInfo.InvariantCulture);
                if (total != all.Count)
                    throw new InvalidOperationException($"GET {endpoint}: Total-Count {total}, but {all.Count} values read.");
                return all;
            }
        }
    }
}
