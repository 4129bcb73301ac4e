using System.Globalization;
using System.Text;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Reqnroll;
using Reqnroll.Parser;
using Messages = Io.Cucumber.Messages.Types;

namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>
/// Turns one feature file into a <see cref="FeatureDescriptor"/>: parses it with Gherkin, builds the Cucumber
/// messages Reqnroll's formatters need, and plans one NUnit test per pickle. Never throws for a bad file:
/// the problem becomes the descriptor's <see cref="FeatureDescriptor.LoadError"/>, so it fails visibly.
/// </summary>
public static class FeatureParser
{
    public const string DefaultLanguage = "en-US";

    public static FeatureDescriptor Parse(string path, string text, string defaultLanguage = DefaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        path = path.Replace('\\', '/');
        var fixtureName = FixtureNameFor(path);
        try
        {
            return Build(path, fixtureName, text, defaultLanguage);
        }
        catch (CompositeParserException ex)
        {
            var problems = ex.Errors.Select(e => $"{path}{e.Message}");
            return LoadFailure(path, fixtureName, string.Join(Environment.NewLine, problems));
        }
        catch (ParserException ex)
        {
            return LoadFailure(path, fixtureName, $"{path}{ex.Message}");
        }
        catch (FeatureFileException ex)
        {
            return LoadFailure(path, fixtureName, ex.Message);
        }
    }

    private static FeatureDescriptor LoadFailure(string path, string fixtureName, string problem) => new()
    {
        Path = path,
        FixtureName = fixtureName,
        Title = path,
        LoadError = $"Feature file '{path}' could not be loaded:{Environment.NewLine}{problem}",
    };

    private static FeatureDescriptor Build(string path, string fixtureName, string text, string defaultLanguage)
    {
        var dialects = new ReqnrollGherkinDialectProvider(defaultLanguage);
        var ast = new Parser().Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(dialects));
        if (ast.Feature is null)
            throw new FeatureFileException($"{path}: the file has no 'Feature:' line.");

        var ids = new DeterministicIdGenerator(path + "\n" + text);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, path);
        var pickles = new PickleCompiler(ids).Compile(document);
        var source = new Messages.Source(path, text, Messages.SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);

        var feature = document.Feature;
        var dialect = dialects.GetDialect(feature.Language, null);
        var index = new DocumentIndex(feature);
        Validate(path, feature, dialect);

        var featureTags = TagNames(feature.Tags);
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        var messages = new ParsedFeatureMessages(source, document, pickles);
        var featureInfo = new FeatureInfo(
            new CultureInfo(feature.Language),
            folder,
            feature.Name,
            feature.Description,
            ProgrammingLanguage.CSharp,
            [.. featureTags],
            messages);

        var scenarios = new List<ScenarioDescriptor>(pickles.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pickles.Count; i++)
        {
            var scenario = Plan(pickles[i], i, index, dialect, featureTags);
            scenarios.Add(scenario with { DisplayName = Unique(scenario.DisplayName, names) });
        }

        return new FeatureDescriptor
        {
            Path = path,
            FixtureName = fixtureName,
            Title = feature.Name,
            Tags = featureTags,
            FeatureInfo = featureInfo,
            Messages = messages,
            Scenarios = scenarios,
        };
    }

    private static ScenarioDescriptor Plan(
        Messages.Pickle pickle, int pickleIndex, DocumentIndex index, GherkinDialect dialect, IReadOnlyList<string> featureTags)
    {
        var (scenario, rule) = index.Scenarios[pickle.AstNodeIds[0]];
        var row = pickle.AstNodeIds.Count > 1 ? index.ExampleRows[pickle.AstNodeIds[1]] : default;

        var scenarioTags = TagNames(scenario.Tags);
        var examplesTags = row.Examples is null ? [] : TagNames(row.Examples.Tags);
        var ruleTags = rule is null ? [] : TagNames(rule.Tags);
        var arguments = row.Examples is null
            ? []
            : row.Examples.TableHeader.Cells.Zip(row.Row.Cells, (h, c) => KeyValuePair.Create(h.Value, c.Value)).ToList();

        // An outline title with <placeholders> names each row by itself; otherwise the row's values tell rows apart.
        var displayName = arguments.Count == 0 ? scenario.Name
            : !string.Equals(pickle.Name, scenario.Name, StringComparison.Ordinal) ? pickle.Name
            : $"{scenario.Name} [{string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))}]";

        var allTags = featureTags.Concat(ruleTags).Concat(scenarioTags).Concat(examplesTags);
        return new ScenarioDescriptor
        {
            DisplayName = displayName,
            Title = scenario.Name,
            Description = scenario.Description,
            PickleIndex = pickleIndex.ToString(CultureInfo.InvariantCulture),
            // Examples tags join the scenario's own, without @ignore, as Reqnroll's generator does.
            Tags = [.. scenarioTags.Concat(examplesTags.Where(t => !IsIgnoreTag(t))).Distinct(StringComparer.Ordinal)],
            InheritedTags = rule is null ? featureTags : [.. featureTags.Concat(ruleTags).Distinct(StringComparer.Ordinal)],
            Arguments = arguments,
            RuleTitle = rule?.Name,
            RuleDescription = rule?.Description,
            RuleTags = ruleTags,
            Steps = [.. pickle.Steps.Select(s => PlanStep(s, index, dialect))],
            IsIgnored = allTags.Any(IsIgnoreTag),
        };
    }

    private static StepDescriptor PlanStep(Messages.PickleStep step, DocumentIndex index, GherkinDialect dialect)
    {
        var keyword = index.Steps[step.AstNodeIds[0]].Keyword;
        var table = step.Argument?.DataTable?.Rows
            .Select(r => (IReadOnlyList<string>)[.. r.Cells.Select(c => c.Value)])
            .ToList();
        return new StepDescriptor(KindOf(keyword, dialect), keyword, step.Text, step.Argument?.DocString?.Content, table);
    }

    // And first: '*' is in every keyword list (Reqnroll's ReqnrollGherkinParser.GetStepKeyword order).
    private static StepKind KindOf(string keyword, GherkinDialect dialect) =>
        dialect.AndStepKeywords.Contains(keyword) ? StepKind.And
        : dialect.GivenStepKeywords.Contains(keyword) ? StepKind.Given
        : dialect.WhenStepKeywords.Contains(keyword) ? StepKind.When
        : dialect.ThenStepKeywords.Contains(keyword) ? StepKind.Then
        : dialect.ButStepKeywords.Contains(keyword) ? StepKind.But
        : StepKind.And;

    /// <summary>The semantic checks Reqnroll's generator makes at build time, which a runtime adapter must make itself.</summary>
    private static void Validate(string path, Messages.Feature feature, GherkinDialect dialect)
    {
        var problems = new List<string>();
        var scenarios = feature.Children.SelectMany(c => c.Rule is null
            ? [c.Scenario]
            : c.Rule.Children.Select(rc => rc.Scenario)).Where(s => s is not null).ToList();

        foreach (var group in scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var lines = string.Join(", ", group.Select(s => s.Location.Line));
            problems.Add($"{path}({group.First().Location.Line}): scenario name '{group.Key}' is used more than once (lines {lines}).");
        }

        foreach (var scenario in scenarios)
        {
            var isOutline = dialect.ScenarioOutlineKeywords.Contains(scenario.Keyword.Trim());
            if (isOutline && scenario.Examples.All(e => e.TableBody.Count == 0))
                problems.Add($"{path}({scenario.Location.Line}): Scenario Outline '{scenario.Name}' has no Examples rows.");

            foreach (var examples in scenario.Examples.Where(e => e.TableHeader is not null))
            {
                var duplicates = examples.TableHeader.Cells.GroupBy(c => c.Value, StringComparer.Ordinal).Where(g => g.Count() > 1);
                problems.AddRange(duplicates.Select(d =>
                    $"{path}({examples.Location.Line}): Examples of '{scenario.Name}' has the column '{d.Key}' more than once."));
            }
        }

        if (problems.Count > 0)
            throw new FeatureFileException(string.Join(Environment.NewLine, problems));
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{name} #{n.ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }

    private static bool IsIgnoreTag(string tag) => string.Equals(tag, "ignore", StringComparison.OrdinalIgnoreCase);

    private static List<string> TagNames(IEnumerable<Messages.Tag> tags) =>
        [.. tags.Select(t => t.Name.TrimStart('@')).Distinct(StringComparer.Ordinal)];

    /// <summary><c>features/dpi-samples/json-samples.feature</c> becomes <c>DpiSamples.JsonSamplesFeature</c>.</summary>
    public static string FixtureNameFor(string path)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 1)
            parts.RemoveAt(0); // the features root folder says nothing
        parts[^1] = System.IO.Path.GetFileNameWithoutExtension(parts[^1]);
        return string.Join('.', parts.Select(Identifier)) + "Feature";
    }

    private static string Identifier(string segment)
    {
        var result = new StringBuilder(segment.Length);
        var upper = true;
        foreach (var ch in segment)
        {
            if (!char.IsLetterOrDigit(ch))
            {
                upper = true;
                continue;
            }
            result.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }
        return result.Length == 0 ? "_" : result.ToString();
    }

    /// <summary>Indexes of the messages-form document by AST node id, to map pickles back to their source.</summary>
    private sealed class DocumentIndex
    {
        public Dictionary<string, (Messages.Scenario Scenario, Messages.Rule? Rule)> Scenarios { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (Messages.Examples Examples, Messages.TableRow Row)> ExampleRows { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Messages.Step> Steps { get; } = new(StringComparer.Ordinal);

        public DocumentIndex(Messages.Feature feature)
        {
            foreach (var child in feature.Children)
            {
                Add(child.Background);
                Add(child.Scenario, null);
                if (child.Rule is null)
                    continue;
                foreach (var ruleChild in child.Rule.Children)
                {
                    Add(ruleChild.Background);
                    Add(ruleChild.Scenario, child.Rule);
                }
            }
        }

        private void Add(Messages.Background? background)
        {
            foreach (var step in background?.Steps ?? [])
                Steps[step.Id] = step;
        }

        private void Add(Messages.Scenario? scenario, Messages.Rule? rule)
        {
            if (scenario is null)
                return;
            Scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
                Steps[step.Id] = step;
            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                    ExampleRows[row.Id] = (examples, row);
            }
        }
    }

    private sealed class FeatureFileException(string message) : Exception(message);
}
