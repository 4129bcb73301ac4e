@sample @outcome-ignored-feature @ignore
Feature: An ignored feature

  Scenario: A scenario of an ignored feature
    Given a step nobody has bound runs
