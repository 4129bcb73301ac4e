using WisCte.EdFi.Model;
using FluentAssertions;
using Reqnroll;
using WisCte.Dpi;
using WisCte.Dpi.DataProperties;
using WisCte.Dpi.Json;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.Specs.Support;

namespace WisCte.Specs.Steps;

/// <summary>DPI's published samples, checked against the data-properties table (only the JSON; HTTP comes later).</summary>
[Binding]
public sealed class DpiSampleSteps(SampleContext sample, ReportAttachments report)
{
    [Given("DPI's {word} sample for {word}:")]
    public void GivenSample(string resource, string schoolYear, string json) => Load(resource, schoolYear, json);

    [Given("DPI's {word} sample kept in {string} for {word}")]
    public void GivenKeptSample(string resource, string file, string schoolYear) =>
        Load(resource, schoolYear, RepositoryFiles.ReadText(file));

    [Given("DPI's {word} sample kept in {string} for {word}, with {string} taken out")]
    public void GivenSampleWithout(string resource, string file, string schoolYear, string path)
    {
        Load(resource, schoolYear, RepositoryFiles.ReadText(file));
        JsonEdits.Remove(WellFormed(), path);
        Check();
    }

    [Given("DPI's {word} sample kept in {string} for {word}, with {string} set to {string}")]
    public void GivenSampleWithValue(string resource, string file, string schoolYear, string path, string value)
    {
        Load(resource, schoolYear, RepositoryFiles.ReadText(file));
        JsonEdits.Set(WellFormed(), path, value);
        Check();
    }

    [Then("the sample is well-formed JSON")]
    public void ThenWellFormed() => sample.ParseError.Should().BeNull();

    [Then("the sample is reported as not well-formed JSON at line {int}")]
    public void ThenNotWellFormed(int line)
    {
        sample.Json.Should().BeNull();
        sample.ParseError.Should().StartWith($"not well-formed JSON at line {line},");
        report.Log(sample.ParseError!);
    }

    [Then("the sample is the one kept in {string}")]
    public void ThenSameAsFixture(string file) =>
        sample.Text.Trim().ReplaceLineEndings().Should().Be(RepositoryFiles.ReadText(file).Trim().ReplaceLineEndings());

    [Then("the sample carries every property the data-properties table requires of public LEAs:")]
    public void ThenCarriesEveryRequiredProperty(DataTable expected)
    {
        Check();
        // The table in the feature is the readable copy of DPI's; it must list exactly the rows the check uses.
        var listed = expected.Rows.Select(r => (r["#"], r["property"], r["sent at"])).ToList();
        var checkedRows = sample.Findings.Select(f => (f.Property.Number, f.Property.Property, f.Property.PathIn(sample.Year)!)).ToList();
        listed.Should().Equal(checkedRows, "the feature's table must match DPI's data-properties table for {0}", sample.Year);

        sample.Findings.Where(f => !f.IsPresent).Should().BeEmpty();
    }

    [Then("the check finds property {word} {string} missing")]
    public void ThenMissing(string number, string property) => Finding(number, property).Problem.Should().StartWith("missing");

    [Then("the check finds property {word} {string} empty")]
    public void ThenEmpty(string number, string property) => Finding(number, property).Problem.Should().StartWith("empty");

    private PropertyFinding Finding(string number, string property)
    {
        if (sample.Findings.Count == 0)
            Check();
        return sample.Findings.Should().ContainSingle(f => f.Property.Number == number && f.Property.Property == property).Subject;
    }

    private void Load(string resource, string schoolYear, string text)
    {
        sample.Resource = resource;
        sample.Year = SchoolYear.Parse(schoolYear);
        sample.Text = text;
        var parsed = JsonText.Parse(text);
        sample.Json = parsed.Node;
        sample.ParseError = parsed.Error;
        report.AttachText($"{resource}-sample", text);
    }

    private System.Text.Json.Nodes.JsonNode WellFormed() =>
        sample.Json ?? throw new InvalidOperationException($"The {sample.Resource} sample does not parse: {sample.ParseError}");

    private void Check()
    {
        sample.Findings = RequiredPropertyCheck.Check(DataPropertyTable.Dpi, sample.Resource, sample.Year, WellFormed());
        report.AttachJson("required-properties", sample.Findings.Select(f => new
        {
            f.Property.Number,
            f.Property.Property,
            ExpectedAt = f.Property.PathIn(sample.Year),
            f.FoundAt,
            Result = f.Problem ?? "present",
        }));
    }
}
