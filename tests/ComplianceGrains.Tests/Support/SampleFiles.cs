using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ComplianceGrains.Tests.Support;

/// <summary>Real files, built byte by byte, for the tests of file answers (libmagic recognises them).</summary>
public static class SampleFiles
{
    /// <summary>A minimal valid one-page PDF, with a marker so that two documents differ.</summary>
    public static byte[] Pdf(string marker = "test")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Title ({marker}) >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A valid 1×1 RGBA PNG.</summary>
    public static byte[] Png()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(0), 1); // width
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1); // height
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        WriteChunk(png, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write([0, 0xFF, 0x00, 0x00, 0xFF]); // filter byte, one red pixel
            WriteChunk(png, "IDAT", pixels.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Plain text, whatever its name says.</summary>
    public static byte[] Text(string text = "This is plain text pretending to be a PDF document.\n") => Encoding.UTF8.GetBytes(text);

    /// <summary>A file answer as the API takes it.</summary>
    public static object Answer(string name, byte[] content) => new { name, content = Convert.ToBase64String(content) };

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
