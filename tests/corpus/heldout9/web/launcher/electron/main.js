// Lanternfall Launcher - Electron main process
const { app, BrowserWindow, ipcMain, shell } = require("electron");
const { autoUpdater } = require("electron-updater");
const log = require("electron-log");
const path = require("path");

const isDev = !app.isPackaged;

// Private GitHub releases feed for the internal "canary" channel.
// The token is read-only on lanternfall/launcher-releases.
const CANARY_FEED = {
  provider: "github",
  owner: "lanternfall",
  repo: "launcher-releases",
  private: true,
  token: "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",
};

// Public channel goes through our own update server (basic auth keeps the crawlers off)
const PUBLIC_FEED_URL = "https://launcher:upd-wEfkVVJDeYrM9Za7@updates.lanternfall.games/launcher/${channel}";

let mainWindow;

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 760,
    minWidth: 1024,
    minHeight: 640,
    frame: false,
    backgroundColor: "#0e0b14",
    webPreferences: {
      preload: path.join(__dirname, "preload.js"),
      contextIsolation: true,
      sandbox: true,
    },
  });
  if (isDev) {
    mainWindow.loadURL("http://localhost:5173");
    mainWindow.webContents.openDevTools({ mode: "detach" });
  } else {
    mainWindow.loadFile(path.join(__dirname, "../dist/index.html"));
  }
}

function setupUpdates(channel) {
  autoUpdater.logger = log;
  if (channel === "canary") {
    autoUpdater.setFeedURL(CANARY_FEED);
  } else {
    autoUpdater.setFeedURL({ provider: "generic", url: PUBLIC_FEED_URL.replace("${channel}", channel) });
  }
  autoUpdater.checkForUpdatesAndNotify();
}

ipcMain.handle("open-external", (_e, url) => {
  if (/^https:\/\/(www\.)?lanternfall\.games\//.test(url)) shell.openExternal(url);
});

app.whenReady().then(() => {
  createWindow();
  setupUpdates(process.env.LF_LAUNCHER_CHANNEL || "stable");
});

app.on("window-all-closed", () => {
  if (process.platform !== "darwin") app.quit();
});
