// The YAML fleet example (examples/yaml-fleet) in Go, on the Go SDK generated from schema.json (generated-sdks/go):
// one InstanceGroup, a user on each of its first three phones, the field app on every phone and video settings.
// `make sdk-check` vets it; it is not run here (no Go language host is built in this repository).
package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"pulumi-koophone.local/generated-sdks/go/koophone"
)

var users = []string{"1008600000104285462", "1008600000104285463", "1008600000104285464"}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		size := cfg.GetInt("size")
		if size == 0 {
			size = len(users)
		}

		// The whole fleet is one resource: slots are stable, so resizing never moves a user to another phone.
		phones, err := koophone.NewInstanceGroup(ctx, "phones", &koophone.InstanceGroupArgs{
			Size:          pulumi.Int(size),
			NamePrefix:    pulumi.String("gofl"),
			Os:            pulumi.String("AOSP11"),
			InstanceSkuId: pulumi.String("kp.professional.xlarge.32g.2"),
			BandSkuId:     pulumi.String("kp.bandwidth"),
			BandSize:      pulumi.Float64(4),
			RegionId:      pulumi.String("cn-north-4"),
			Charge: &koophone.InstanceChargeArgs{
				PeriodType: pulumi.String("month"),
				PeriodNum:  pulumi.Int(1),
				AutoPay:    pulumi.Bool(true),
				AutoRenew:  pulumi.Bool(false),
			},
		})
		if err != nil {
			return err
		}

		for slot, user := range users {
			if slot >= size {
				break
			}
			if _, err := koophone.NewUserAssignment(ctx, fmt.Sprintf("user-%d", slot+1), &koophone.UserAssignmentArgs{
				InstanceId: phones.InstanceIds.Index(pulumi.Int(slot)),
				UserId:     pulumi.String(user),
			}); err != nil {
				return err
			}
		}

		// A signed OBS URL: `pulumi config set --secret apkUrl <url>`.
		if _, err := koophone.NewAppInstallation(ctx, "app", &koophone.AppInstallationArgs{
			InstanceIds: phones.InstanceIds,
			PackageName: pulumi.String("com.example.fieldapp"),
			FileName:    pulumi.String("fieldapp.apk"),
			Version:     pulumi.String("1.0.0"),
			SizeMb:      pulumi.Float64(42),
			PackageUrl:  cfg.RequireSecret("apkUrl"),
		}); err != nil {
			return err
		}

		// Lower bit rates on mobile networks, higher on Wi-Fi; other combinations keep KooPhone's defaults.
		if _, err := koophone.NewVideoSetting(ctx, "video", &koophone.VideoSettingArgs{
			InstanceIds: phones.InstanceIds,
			Profiles: koophone.VideoProfileArray{
				koophone.VideoProfileArgs{
					NetworkType:    pulumi.String("MOBILE_NETWORK"),
					EncodingType:   pulumi.String("H264"),
					Definition540p: &koophone.VideoSpecArgs{CodeRate: pulumi.Int(1500), Fps: pulumi.Int(30)},
					Definition720p: &koophone.VideoSpecArgs{CodeRate: pulumi.Int(3000), Fps: pulumi.Int(30)},
				},
				koophone.VideoProfileArgs{
					NetworkType:     pulumi.String("WIFI"),
					EncodingType:    pulumi.String("H265"),
					Definition1080p: &koophone.VideoSpecArgs{CodeRate: pulumi.Int(6000), Fps: pulumi.Int(60)},
				},
			},
		}); err != nil {
			return err
		}

		ctx.Export("instanceIds", phones.InstanceIds)
		return nil
	})
}
