using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.UseCases;
using WisCte.Dpi.Baseline;
using WisCte.Dpi.UseCases;
using WisCte.EdFi.Model;
using WisCte.Reqnroll.NUnit.Catalog;
using WisCte.Specs.Support;

namespace WisCte.Specs.Guards;

/// <summary>
/// DPI's facts have one source: the use cases and their school years in fixtures/dpi/use-cases.json
/// (<see cref="DpiUseCaseCatalog"/>), the baseline's identifiers in fixtures/baseline (<see cref="DpiBaseline"/> names
/// them for code). Each place that repeats one is held to it, both ways: what a feature, certification or the scripted
/// SIS names must be in the catalogue, and what the catalogue has must be named there.
/// </summary>
public sealed partial class CatalogueTests
{
    private static readonly DpiUseCaseCatalog Catalogue = DpiUseCaseCatalog.Dpi;

    private static IReadOnlyList<ScenarioDescriptor> Scenarios =>
        [.. FeatureCatalog.For(typeof(CatalogueTests).Assembly).SelectMany(f => f.Scenarios)];

    [Test]
    public void The_features_tag_exactly_the_catalogues_use_cases() =>
        Differences("the features' @uc- tags", Scenarios.SelectMany(s => s.AllTags).Where(t => t.StartsWith("uc-", StringComparison.Ordinal)).Select(t => t[3..]),
            "use case", Catalogue.Ids).Should().BeEmpty();

    [Test]
    public void Each_use_case_is_exercised_in_exactly_the_catalogues_school_years()
    {
        var tagged = Scenarios.SelectMany(s => UseCasesOf(s).SelectMany(u => YearsOf(s).Select(y => $"{u} in {y}")));
        var catalogued = Catalogue.UseCases.SelectMany(u => u.SchoolYears.Select(y => $"{u.Id} in {y}"));
        Differences("the features' @uc- and @sy- tags", tagged, "use case and school year", catalogued).Should().BeEmpty();
    }

    [Test]
    public void The_features_use_exactly_the_catalogues_school_years()
    {
        var named = Scenarios.SelectMany(s => YearsOf(s).Concat(s.Steps.SelectMany(step => SchoolYearInText().Matches(step.Text).Select(m => SchoolYear.Parse(m.Groups["year"].Value)))));
        Differences("the features (@sy- tags and 'for 2025-26' in steps)", named.Select(y => y.ToString()), "school year", Catalogue.SchoolYears.Select(y => y.ToString()))
            .Should().BeEmpty();
    }

    [Test]
    public void Certification_judges_exactly_the_catalogues_use_cases_under_dpis_titles()
    {
        Differences("certification's catalogue", UseCaseCatalog.All.Select(u => u.Id), "use case", Catalogue.Ids).Should().BeEmpty();
        UseCaseCatalog.All.Should().OnlyContain(u => u.Title == Catalogue.Get(u.Id).Title);
    }

    [Test]
    public void The_certification_features_examples_name_only_the_catalogues_use_cases_and_the_conforming_sis_plays_them_all()
    {
        var certification = Scenarios.Where(s => s.Steps.Any(step => CertifiedUseCase().IsMatch(step.Text))).ToList();
        var named = certification.SelectMany(s => s.Steps).Select(step => CertifiedUseCase().Match(step.Text)).Where(m => m.Success).Select(m => m.Groups["id"].Value);
        var conforming = certification.Where(s => s.Title.Contains("conforming", StringComparison.OrdinalIgnoreCase) || s.Title.Contains("as DPI documents", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.Steps).Select(step => CertifiedUseCase().Match(step.Text)).Where(m => m.Success).Select(m => m.Groups["id"].Value);

        Differences("certification-rules.feature's Examples", named.Where(id => Catalogue.Find(id) is null), "use case", []).Should().BeEmpty();
        Differences("the Examples of the conforming SIS", conforming, "use case", Catalogue.Ids).Should().BeEmpty();
    }

    [Test]
    public void The_scripted_sis_plays_exactly_the_catalogues_use_cases()
    {
        // The plays are a switch on DPI's ids: every id it names, read from its source, and every id it is asked to play.
        var source = RepositoryFiles.ReadText("tests/WisCte.ScriptedSis/Plays.cs");
        var played = PlayedUseCase().Matches(source).Select(m => m.Groups["id"].Value);
        Differences("the scripted SIS's plays", played, "use case", Catalogue.Ids).Should().BeEmpty();
        WisCte.ScriptedSis.Plays.UseCases.Should().Equal(Catalogue.Ids);
    }

    [Test]
    public void The_scripted_sis_names_the_baselines_organizations_only_through_the_catalogue()
    {
        var literals = ScriptedSisSources().SelectMany(f => BaselineIdLiteral().Matches(f.Text).Select(m => $"{f.Name}: {m.Value}"));
        literals.Should().BeEmpty("the scripted SIS must name the LEA and schools as DpiBaseline does, so a change to the baseline reaches it");
    }

    [Test]
    public void Every_descriptor_the_scripted_sis_sends_is_one_wisedata_has_in_a_catalogued_year()
    {
        var descriptors = WisCte.Simulator.Descriptors.DescriptorCatalog.Embedded();
        // Mistake.cs is left out: its mistakes send what WISEdata refuses on purpose (a descriptor in the wrong namespace).
        var unknown = ScriptedSisSources().Where(f => f.Name != "Mistake.cs").SelectMany(f => DescriptorUri().Matches(f.Text).Select(m => (m.Groups["type"].Value, Uri: m.Value.Trim('"'))))
            .Distinct()
            .Where(d => !Catalogue.SchoolYears.Any(year => descriptors.OfType(d.Item1, year).Any(v => string.Equals(v.Uri, d.Uri, StringComparison.OrdinalIgnoreCase))))
            .Select(d => d.Uri);
        unknown.Should().BeEmpty();
    }

    [Test]
    public void The_baseline_holds_exactly_the_lea_and_schools_the_code_names()
    {
        var records = BaselineRecords.Embedded().Select(r => r.Record["body"] as JsonObject).OfType<JsonObject>().ToList();
        var leas = records.Select(b => b["localEducationAgencyId"]).OfType<JsonValue>().Select(v => v.GetValue<long>()).ToList();
        var schools = records.Where(b => b["schoolId"] is not null && b["nameOfInstitution"] is not null)
            .Select(b => $"{b["nameOfInstitution"]!.GetValue<string>()} ({b["schoolId"]!.GetValue<long>()})");

        leas.Should().Equal([DpiBaseline.Lea]);
        Differences("fixtures/baseline", schools, "school", DpiBaseline.Schools.Select(s => $"{s.Key} ({s.Value})")).Should().BeEmpty();
    }

    [Test]
    public void The_features_name_exactly_the_baselines_schools_and_only_its_organizations()
    {
        var steps = Scenarios.SelectMany(s => s.Steps).ToList();
        var text = steps.Select(s => s.Text + "\n" + s.DocString).ToList();
        var schools = text.SelectMany(t => SchoolName().Matches(t).Select(m => m.Groups["name"].Value));
        var organizations = text.SelectMany(t => OrganizationId().Matches(t).Select(m => long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)));

        Differences("the features' steps", schools, "school", DpiBaseline.Schools.Keys).Should().BeEmpty();
        Differences("the features' JSON", organizations.Where(id => id != DpiBaseline.Lea && !DpiBaseline.Schools.Values.Contains(id)).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "education organization", []).Should().BeEmpty();
    }

    // ---- the comparison, and that it fails ----

    [Test]
    public void A_use_case_named_somewhere_but_not_catalogued_fails_and_so_does_one_catalogued_but_never_named() =>
        Differences("certification-rules.feature's Examples", ["1.0", "19.0", "1.0"], "use case", ["1.0", "2.0"]).Should().Equal(
            "certification-rules.feature's Examples name use case 19.0, which fixtures/dpi/use-cases.json does not have.",
            "fixtures/dpi/use-cases.json has use case 2.0, which certification-rules.feature's Examples never name.");

    [Test]
    public void A_school_year_a_use_case_is_tagged_with_but_not_catalogued_for_fails() =>
        Differences("the features' @uc- and @sy- tags", ["1.0 in 2025-26", "1.0 in 2019-20"], "use case and school year", ["1.0 in 2025-26"])
            .Should().Equal("the features' @uc- and @sy- tags name use case and school year 1.0 in 2019-20, which fixtures/dpi/use-cases.json does not have.");

    [Test]
    public void A_catalogue_with_a_use_case_in_a_year_it_does_not_know_is_refused_naming_it()
    {
        const string json = """{"schoolYears": ["2025-26"], "useCases": [{"id": "1.0", "group": "g", "title": "t", "schoolYears": ["2019-20"]}]}""";
        var loading = () => DpiUseCaseCatalog.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        loading.Should().Throw<InvalidDataException>().WithMessage("Use case 1.0: its school years must be some of the catalogue's*");
    }

    /// <summary>What a source names that the catalogue lacks, then what the catalogue has that the source never names.</summary>
    internal static IReadOnlyList<string> Differences(string source, IEnumerable<string> named, string what, IEnumerable<string> catalogued)
    {
        var inSource = named.Distinct(StringComparer.Ordinal).ToList();
        var inCatalogue = catalogued.Distinct(StringComparer.Ordinal).ToList();
        return
        [
            .. inSource.Except(inCatalogue, StringComparer.Ordinal).Select(n => $"{source} name {what} {n}, which fixtures/dpi/use-cases.json does not have."),
            .. inCatalogue.Except(inSource, StringComparer.Ordinal).Select(c => $"fixtures/dpi/use-cases.json has {what} {c}, which {source} never name."),
        ];
    }

    private static IEnumerable<(string Name, string Text)> ScriptedSisSources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests", "WisCte.ScriptedSis"), "*.cs").Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    private static IEnumerable<string> UseCasesOf(ScenarioDescriptor scenario) =>
        scenario.AllTags.Where(t => t.StartsWith("uc-", StringComparison.Ordinal)).Select(t => t[3..]);

    private static IEnumerable<SchoolYear> YearsOf(ScenarioDescriptor scenario) =>
        scenario.AllTags.Where(t => t.StartsWith("sy-", StringComparison.Ordinal)).Select(t => SchoolYear.Parse(t[3..]));

    [GeneratedRegex(@"(?<![\w.])(48856|7525|1302|9501)(?!\w)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BaselineIdLiteral();

    [GeneratedRegex(@"""uri://[^/""]+/(?<type>[A-Za-z]+Descriptor)#[^""{]+""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DescriptorUri();

    [GeneratedRegex(@"\bfor (?<year>20\d\d-\d\d)\b", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SchoolYearInText();

    [GeneratedRegex(@"certified for use case ""(?<id>[^""]+)""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CertifiedUseCase();

    [GeneratedRegex(@"""(?<id>(del-)?\d+\.\d)""(?=[^\n]*=>)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlayedUseCase();

    [GeneratedRegex("""at "(?<name>Fictional [^"]+)"|"(?<name>Fictional [^"]+(School|Academy))""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SchoolName();

    [GeneratedRegex(@"""(schoolId|localEducationAgencyId|educationOrganizationId)""\s*:\s*(?<id>\d+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OrganizationId();
}
