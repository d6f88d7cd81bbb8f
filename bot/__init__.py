"""绿美植树助手: the WeChat official-account backend of a village tree-planting campaign."""
