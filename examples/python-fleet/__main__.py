"""examples/yaml-fleet in Python, on the SDK generated from schema.json (generated-sdks/python, package
pulumi_koophone): one InstanceGroup, a user on each of its first three phones, the field app on every phone and video
settings. `make sdk-check` byte-compiles it; it is not run here (no Python language host is built in this repository).
"""

import pulumi
import pulumi_koophone as koophone

USERS = ["1008600000104285462", "1008600000104285463", "1008600000104285464"]

config = pulumi.Config()
size = config.get_int("size") or len(USERS)

# The whole fleet is one resource: slots are stable, so resizing never moves a user to another phone.
phones = koophone.InstanceGroup(
    "phones",
    size=size,
    name_prefix="pyfl",
    os="AOSP11",
    instance_sku_id="kp.professional.xlarge.32g.2",
    band_sku_id="kp.bandwidth",
    band_size=4,
    region_id="cn-north-4",
    charge=koophone.InstanceChargeArgs(period_type="month", period_num=1, auto_pay=True, auto_renew=False),
)

for slot, user in enumerate(USERS[:size]):
    koophone.UserAssignment(
        f"user-{slot + 1}",
        instance_id=phones.instance_ids.apply(lambda ids, slot=slot: ids[slot]),
        user_id=user,
    )

# A signed OBS URL: `pulumi config set --secret apkUrl <url>`.
koophone.AppInstallation(
    "app",
    instance_ids=phones.instance_ids,
    package_name="com.example.fieldapp",
    file_name="fieldapp.apk",
    version="1.0.0",
    size_mb=42,
    package_url=config.require_secret("apkUrl"),
)

# Lower bit rates on mobile networks, higher on Wi-Fi; other combinations keep KooPhone's defaults.
koophone.VideoSetting(
    "video",
    instance_ids=phones.instance_ids,
    profiles=[
        koophone.VideoProfileArgs(
            network_type="MOBILE_NETWORK",
            encoding_type="H264",
            definition540p=koophone.VideoSpecArgs(code_rate=1500, fps=30),
            definition720p=koophone.VideoSpecArgs(code_rate=3000, fps=30),
        ),
        koophone.VideoProfileArgs(
            network_type="WIFI",
            encoding_type="H265",
            definition1080p=koophone.VideoSpecArgs(code_rate=6000, fps=60),
        ),
    ],
)

pulumi.export("instanceIds", phones.instance_ids)
