@sample @outcome-ambiguous
Feature: Ambiguous steps

  Scenario: A step two bindings claim
    Given a step bound twice
