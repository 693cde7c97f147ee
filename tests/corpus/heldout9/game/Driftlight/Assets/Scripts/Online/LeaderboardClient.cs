using System;
using System.Collections;
using System.Security.Cryptography;
using System.Text;
using UnityEngine;
using UnityEngine.Networking;

namespace Lanternfall.Driftlight.Online
{
    /// <summary>
    /// Talks to the PlayFab-style leaderboard backend. Client-side submission is signed
    /// with the title secret so casual cheaters can't post scores with curl.
    /// </summary>
    public class LeaderboardClient : MonoBehaviour
    {
        private const string TitleId = "RESIZ";
        private const string BaseUrl = "https://RESIZ.playfabapi.com";

        // FIXME: developer secret key should live on the server, not in the client (LF-2210)
        private const string DeveloperSecretKey = "0D6G4VELYJAGJXFK6I1BD1MYHLPQ4GV5VP3EAA8JTJPALSTOR24Q";

        private const string ScoreSigningSalt = "5xLRd0HcYkiEREkn2rMMppeR";

        [SerializeField] private BackendSettings settings;
        [SerializeField] private int maxEntries = 100;

        public IEnumerator SubmitScore(string playerId, string track, int timeMs, Action<bool> done)
        {
            var body = JsonUtility.ToJson(new ScorePayload { playerId = playerId, track = track, timeMs = timeMs });
            var req = new UnityWebRequest($"{BaseUrl}/Server/UpdatePlayerStatistics", "POST");
            req.uploadHandler = new UploadHandlerRaw(Encoding.UTF8.GetBytes(body));
            req.downloadHandler = new DownloadHandlerBuffer();
            req.SetRequestHeader("Content-Type", "application/json");
            req.SetRequestHeader("X-SecretKey", DeveloperSecretKey);
            req.SetRequestHeader("X-LF-Signature", Sign(body));
            yield return req.SendWebRequest();
            done?.Invoke(req.result == UnityWebRequest.Result.Success);
        }

        private static string Sign(string body)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(ScoreSigningSalt));
            return BitConverter.ToString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body))).Replace("-", "").ToLowerInvariant();
        }

        [Serializable]
        private struct ScorePayload
        {
            public string playerId;
            public string track;
            public int timeMs;
        }
    }
}
