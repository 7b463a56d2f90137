using Recommit.Cli;

return RecommitCli.Run(args, Console.Out, Console.Error);
