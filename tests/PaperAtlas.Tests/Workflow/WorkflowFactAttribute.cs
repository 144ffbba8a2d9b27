namespace PaperAtlas.Tests.Workflow;

/// <summary>
/// A test that runs a workflow's steps, whose own test step runs this test suite again: the run inside skips it (shown
/// as skipped, with why), so the workflow runs once and not forever. The steps are bash, as on GitHub's runners.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WorkflowFactAttribute : FactAttribute
{
    /// <summary>Set in the environment of the steps the test runs.</summary>
    public const string InsideVariable = "PAPER_ATLAS_INSIDE_WORKFLOW_TEST";

    public WorkflowFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(InsideVariable) is { Length: > 0 })
        {
            Skip = "this run is the workflow's own test step, inside the workflow test";
        }
        else if (OperatingSystem.IsWindows())
        {
            Skip = "the workflow's steps are bash, as on GitHub's ubuntu runners";
        }
    }
}
