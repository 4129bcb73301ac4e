using System.Text.Json;
using FluentAssertions;
using Reqnroll;
using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Reqnroll.NUnit.Samples.Steps;

[Binding]
public sealed class ArgumentSteps(ReportAttachments attachments)
{
    private Table? _programs;
    private JsonDocument? _json;

    [Given("these program names:")]
    public void GivenPrograms(Table programs) => _programs = programs;

    [Then("{int} program names were received")]
    public void ProgramCount(int count) => _programs!.RowCount.Should().Be(count);

    [Then("the program type of {string} is {string}")]
    public void ProgramType(string name, string type) =>
        _programs!.Rows.Single(r => string.Equals(r["programName"], name, StringComparison.Ordinal))["programType"].Should().Be(type);

    [Given("this JSON:")]
    public void GivenJson(string json) => _json = JsonDocument.Parse(json);

    [Then("the JSON has {string} equal to {string}")]
    public void JsonHas(string property, string value) =>
        _json!.RootElement.GetProperty(property).GetRawText().Should().Be(value);

    [When("the step attaches the note {string} and this JSON:")]
    public void Attach(string note, string json)
    {
        attachments.AttachText("note", note);
        attachments.AttachJson("response", json);
        attachments.Log("attached a note and a JSON body");
    }
}
