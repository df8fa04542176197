"""The province portal (`qms portal`): collects the status.json and manifest.json each agency's own
CI publishes with its site, and builds one static site over all of them. Each agency builds on its
own runner; the portal only collects, and never fails because one agency is unreachable or wrong."""
