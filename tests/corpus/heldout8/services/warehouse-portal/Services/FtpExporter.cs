using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Brightwharf.WarehousePortal.Services
{
    /// <summary>
    /// Pushes the nightly ASN (advance shipping notice) file to the 3PL partner's FTPS server.
    /// </summary>
    public class FtpExporter : IAsnExporter
    {
        private const string Host = "ftps://edi.northgate-3pl.co.uk:990/inbound/brightwharf/";
        private readonly ILogger<FtpExporter> _log;

        public FtpExporter(ILogger<FtpExporter> log) => _log = log;

        public async Task ExportAsync(string localPath)
        {
            var fileName = Path.GetFileName(localPath);
            var request = (FtpWebRequest)WebRequest.Create(new Uri(Host + fileName));
            request.Method = WebRequestMethods.Ftp.UploadFile;
            request.EnableSsl = true;
            request.UsePassive = true;
            request.Credentials = new NetworkCredential("bwharf_edi", "N0rthg@te-EDI-5921");

            await using var src = File.OpenRead(localPath);
            await using var dst = await request.GetRequestStreamAsync();
            await src.CopyToAsync(dst);

            using var response = (FtpWebResponse)await request.GetResponseAsync();
            _log.LogInformation("Uploaded {File} to 3PL: {Status}", fileName, response.StatusDescription);
        }
    }
}
