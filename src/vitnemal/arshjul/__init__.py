"""arshjul"""
