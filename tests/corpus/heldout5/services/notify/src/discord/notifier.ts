import { Client, GatewayIntentBits, TextChannel } from 'discord.js';
import fetch from 'node-fetch';

export const APPLICATION_ID = '110590899079939971';

export class DiscordNotifier {
  private readonly token = 'Mzg3MDAxNTA2MTM1MzIzMTI1Ng.brKVDw.KyLi3MfSxnllv9hc11mh6WowgZ6-GykPXoMiTe';
  private readonly releaseHook =
    'https://discord.com/api/webhooks/5744969140683132464/cyUX6YbVPB9YmFksBV1Mk5A5xxRuUmj1ex4V4p0hZ8opkkWpTb72R05rY95a62bAGb2u';
  private client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });

  async start(): Promise<void> {
    await this.client.login(this.token);
  }

  async announceRelease(version: string, notes: string): Promise<void> {
    await fetch(this.releaseHook, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'release-bot', content: `**${version}** is out\n${notes}` }),
    });
  }

  async listGuilds(): Promise<unknown> {
    const res = await fetch('https://discord.com/api/v10/users/@me/guilds', {
      headers: { Authorization: 'Bot ' + this.token },
    });
    return res.json();
  }

  async send(channelId: string, message: string): Promise<void> {
    const channel = (await this.client.channels.fetch(channelId)) as TextChannel;
    await channel.send(message);
  }
}
