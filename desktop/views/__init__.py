"""The app's views: feed, week, compare, settings and the first-run welcome."""
