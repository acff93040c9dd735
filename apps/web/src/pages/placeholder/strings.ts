export const placeholderStrings = {
  comingSoon: "Coming soon",
  dashboard: {
    title: "Dashboard",
    subtitle: "Today’s activity at a glance.",
    emptyTitle: "Your dashboard is on its way",
    emptyDescription: "Calls placed and received, messages sent, answer rate and spend for today will appear here.",
  },
  calls: {
    title: "Calls",
    subtitle: "Every call made or received through Telnyx.",
    emptyTitle: "No calls to show yet",
    emptyDescription: "Each call will be listed here with its lead, agent, duration, cost and recording, updated live.",
  },
  messages: {
    title: "Messages",
    subtitle: "SMS conversations with your leads.",
    emptyTitle: "No conversations yet",
    emptyDescription: "Text threads with your leads will appear here, with delivery status and replies as they arrive.",
  },
  numbers: {
    title: "Numbers",
    subtitle: "Phone numbers owned by your organization.",
    emptyTitle: "No phone numbers listed yet",
    emptyDescription: "Your Telnyx numbers will be listed here: who they ring, what they can do and what they cost.",
  },
  connections: {
    title: "Connections",
    subtitle: "How calls reach your agents.",
    emptyTitle: "No connections listed yet",
    emptyDescription: "Your Telnyx call-control applications and SIP connections will appear here with their status.",
  },
  wallboard: {
    title: "Wallboard",
    subtitle: "The team’s live view, made for a big screen.",
    emptyTitle: "The wallboard is on its way",
    emptyDescription: "Agents’ status, calls in progress and today’s totals will update here in real time.",
  },
  settings: {
    title: "Settings",
    subtitle: "Your organization, team and Telnyx account.",
    emptyTitle: "Settings are on their way",
    emptyDescription: "Your Telnyx API key, call rates, team members and their roles will be managed here.",
  },
};
