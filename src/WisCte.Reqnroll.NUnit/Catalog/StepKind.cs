namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>Which <c>ITestRunner</c> method runs a step, chosen from its keyword as Reqnroll's generator does.</summary>
public enum StepKind
{
    Given,
    When,
    Then,
    And,
    But,
}
