using System.Security.Cryptography;
using Ekyc.Server.Options;

namespace Ekyc.Server.Storage;

/// <summary>The master key: from configuration, else from the data folder, else generated there (mode 0600).</summary>
public static class MasterKeyProvider
{
    public static byte[] Load(EkycOptions options, DataFolder folder)
    {
        if (!string.IsNullOrEmpty(options.MasterKey))
            return Convert.FromBase64String(options.MasterKey);
        if (!File.Exists(folder.MasterKeyPath))
        {
            try
            {
                DataFolder.WriteSecret(folder.MasterKeyPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(folder.MasterKeyPath))
            {
                // Another process created it first; use theirs.
            }
        }
        var key = Convert.FromBase64String(File.ReadAllText(folder.MasterKeyPath).Trim());
        return key.Length == 32 ? key : throw new InvalidOperationException($"{folder.MasterKeyPath} does not hold a 32-byte base64 key.");
    }
}
