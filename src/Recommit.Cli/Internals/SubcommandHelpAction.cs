using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Recommit.Cli.Internals;

/// <summary>
/// The standard help, except for a subcommand under a command that takes arguments of its own (<c>import anthropic</c>
/// under <c>import FILE...</c>): there the standard text would show the parent's arguments as if the subcommand took
/// them (<c>recommit import &lt;files&gt;... anthropic</c>); this help shows the command as it is typed and only its own
/// arguments.
/// </summary>
internal sealed class SubcommandHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _standard = new();

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var parent = (parseResult.CommandResult.Parent as System.CommandLine.Parsing.CommandResult)?.Command;
        if (parent is null || parent.Arguments.Count == 0) return _standard.Invoke(parseResult);

        var output = parseResult.InvocationConfiguration.Output;
        var buffer = new StringWriter();
        parseResult.InvocationConfiguration.Output = buffer;
        try
        {
            _standard.Invoke(parseResult);
        }
        finally
        {
            parseResult.InvocationConfiguration.Output = output;
        }
        var text = buffer.ToString();
        foreach (var argument in parent.Arguments)
        {
            var shown = argument.Arity.MaximumNumberOfValues > 1 ? $"<{argument.Name}>... " : $"<{argument.Name}> ";
            text = text.Replace($"{parent.Name} {shown}{command.Name}", $"{parent.Name} {command.Name}", StringComparison.Ordinal);
            // The parent's argument rows, and the Arguments heading when nothing of the subcommand's own is left under it.
            text = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith($"<{argument.Name}>", StringComparison.Ordinal)));
        }
        text = text.Replace("Arguments:\n\n", "", StringComparison.Ordinal);
        output.Write(text);
        return 0;
    }
}
