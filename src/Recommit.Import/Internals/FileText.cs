using System.Text;

namespace Recommit.Import.Internals;

/// <summary>Opens a text file as UTF-8 (BOM detected), with a clear error when it cannot be read.</summary>
internal static class FileText
{
    public static StreamReader Open(string path)
    {
        InputFile.MustExist(path);
        try
        {
            return new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, null, $"cannot read the file: {e.Message}");
        }
    }
}
