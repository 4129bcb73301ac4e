@sample @outcome-parse-error
Feature: A feature file with a syntax error

  Scenario: The parser never gets this far
    Given the journal notes "x"
  | a table cell without a step
  Scenario Outline
