using FluentAssertions;
using NUnit.Framework;
using Reqnroll;

namespace WisCte.Reqnroll.NUnit.Samples.Steps;

[Binding]
public sealed class FirstBindingClass(Journal journal)
{
    [Given("the first binding class stores {string} in the shared state")]
    public void Store(string value) => journal.SharedState = value;

    [Then("the shared state is empty")]
    public void Empty() => journal.SharedState.Should().BeNull();
}

[Binding]
public sealed class SecondBindingClass(Journal journal, ScenarioContext scenario, FeatureContext feature, TestContext test)
{
    [Then("the second binding class reads {string} from the shared state")]
    public void Read(string value) => journal.SharedState.Should().Be(value);

    [Then("the scenario context knows the title {string}")]
    public void ScenarioTitle(string title) => scenario.ScenarioInfo.Title.Should().Be(title);

    [Then("the feature context knows the title {string}")]
    public void FeatureTitle(string title) => feature.FeatureInfo.Title.Should().Be(title);

    [Then("the NUnit test context names this test {string}")]
    public void TestName(string name) => test.Test.Name.Should().Be(name);
}
