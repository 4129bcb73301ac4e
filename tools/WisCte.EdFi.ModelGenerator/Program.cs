using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.EdFi.ModelGenerator;

// wiscte's Ed-Fi model generator: Ed-Fi-Core.xsd (+ MetaEd directives, + DPI's WI extension) → fixtures/edfi/resources.json.
// `--check` regenerates in memory and fails when the checked-in file differs.
var options = ParseArguments(args);
if (options is null)
{
    Console.Error.WriteLine("usage: ModelGenerator [--root DIR] [--check]\n  reads  DIR/fixtures/edfi/ds-5.2/Ed-Fi-Core.xsd, DIR/fixtures/edfi/ds-5.2/metaed-directives.json, DIR/fixtures/edfi/wi-extension.json\n  writes DIR/fixtures/edfi/resources.json (or, with --check, compares with it)");
    return 2;
}

try
{
    var (root, check) = options.Value;
    var paths = ModelPaths.Under(root);
    var model = ModelGeneration.Generate(paths);
    var text = ModelGeneration.Serialize(model);
    if (check)
    {
        var current = File.Exists(paths.Output) ? File.ReadAllText(paths.Output) : "";
        if (current != text)
        {
            Console.Error.WriteLine($"{paths.Output} is not what the generator makes from its sources: run `dotnet run --project tools/WisCte.EdFi.ModelGenerator` and commit the result.");
            return 1;
        }
        Console.WriteLine($"{paths.Output} is up to date.");
        return 0;
    }
    File.WriteAllText(paths.Output, text);
    Console.WriteLine($"wrote {paths.Output}: {model["resources"]!.AsObject().Count} resources, {model["descriptorTypes"]!.AsArray().Count} descriptor types");
    return 0;
}
catch (Exception e) when (e is InvalidDataException or IOException)
{
    Console.Error.WriteLine($"model generation failed: {e.Message}");
    return 1;
}

static (string Root, bool Check)? ParseArguments(string[] args)
{
    var root = FindRepositoryRoot(Directory.GetCurrentDirectory());
    var check = false;
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--root" when i + 1 < args.Length:
                root = args[++i];
                break;
            case "--check":
                check = true;
                break;
            default:
                return null;
        }
    }
    return root is null ? null : (root, check);
}

static string? FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "WisCte.Conformance.sln")))
            return dir.FullName;
    }
    return null;
}
