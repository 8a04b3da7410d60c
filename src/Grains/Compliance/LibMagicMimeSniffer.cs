using System.Runtime.InteropServices;

namespace ComplianceGrains.Compliance;

/// <summary>
/// Tells the MIME type of bytes with libmagic (Debian's <c>libmagic1</c>), the engine the reference platform uses,
/// so that a text file named <c>.pdf</c> is recognised as text.
/// </summary>
public sealed partial class LibMagicMimeSniffer : IDisposable
{
    private const int MagicMimeType = 0x10;
    private const string Library = "libmagic.so.1";
    private readonly Lock _lock = new();
    private IntPtr _cookie;

    public LibMagicMimeSniffer()
    {
        _cookie = magic_open(MagicMimeType);
        if (_cookie == IntPtr.Zero || magic_load(_cookie, null) != 0)
            throw new InvalidOperationException("libmagic could not load its database (install Debian's libmagic1 and libmagic-mgc).");
    }

    public string Sniff(byte[] content)
    {
        // A libmagic cookie is not thread-safe.
        lock (_lock)
        {
            var result = magic_buffer(_cookie, content, (nuint)content.Length);
            return result == IntPtr.Zero ? "application/octet-stream" : Marshal.PtrToStringUTF8(result) ?? "application/octet-stream";
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_cookie == IntPtr.Zero) return;
            magic_close(_cookie);
            _cookie = IntPtr.Zero;
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr magic_open(int flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int magic_load(IntPtr cookie, string? filename);

    [LibraryImport(Library)]
    private static partial IntPtr magic_buffer(IntPtr cookie, byte[] buffer, nuint length);

    [LibraryImport(Library)]
    private static partial void magic_close(IntPtr cookie);
}
